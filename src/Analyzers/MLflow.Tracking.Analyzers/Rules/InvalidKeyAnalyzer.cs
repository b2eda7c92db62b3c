using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// MLFLOW005: a constant key that MLflow would refuse at run time: names in [LogParam]/[LogMetric]/[RunTag] and literal
/// keys of direct logging calls.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidKeyAnalyzer : TrackingAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidKey);

    /// <inheritdoc />
    private protected override void Start(CompilationStartAnalysisContext start, KnownTypes known)
    {
        var runTag = start.Compilation.GetTypeByMetadataName("MLflow.Tracking.RunTagAttribute");
        start.RegisterSymbolAction(c => AnalyzeSymbol(c, known, runTag), SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.NamedType);
        start.RegisterOperationAction(c => AnalyzeCall(c, LoggingCall.FromInvocation((IInvocationOperation)c.Operation, known)), OperationKind.Invocation);
        start.RegisterOperationAction(c => AnalyzeCall(c, LoggingCall.FromObjectCreation((IObjectCreationOperation)c.Operation, known)), OperationKind.ObjectCreation);
    }

    private static void AnalyzeSymbol(SymbolAnalysisContext context, KnownTypes known, INamedTypeSymbol? runTag)
    {
        var symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared || symbol is IMethodSymbol { PartialDefinitionPart: not null })
        {
            return;
        }

        CheckAttributes(context, symbol, symbol.GetAttributes(), known, runTag);
        if (symbol is IMethodSymbol method)
        {
            CheckAttributes(context, method, method.GetReturnTypeAttributes(), known, runTag);
            foreach (var parameter in method.Parameters)
            {
                CheckAttributes(context, parameter, parameter.GetAttributes(), known, runTag);
            }
        }
    }

    private static void CheckAttributes(SymbolAnalysisContext context, ISymbol owner, ImmutableArray<AttributeData> attributes, KnownTypes known, INamedTypeSymbol? runTag)
    {
        foreach (var attribute in attributes)
        {
            var isNamed = KnownTypes.Is(attribute.AttributeClass, known.LogParam) || KnownTypes.Is(attribute.AttributeClass, known.LogMetric) ||
                          KnownTypes.Is(attribute.AttributeClass, runTag);
            if (isNamed && attribute.ConstructorArguments.Length >= 1 && attribute.ConstructorArguments[0].Value is string key &&
                KeyRules.Validate(key) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidKey, AttributeLocations.OfArgument(attribute, owner, 0), key, problem));
            }
        }
    }

    private static void AnalyzeCall(OperationAnalysisContext context, LoggingCall? call)
    {
        if (call is { ConstantKey: { } key, Key: { } argument } && KeyRules.Validate(key) is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidKey, argument.Value.Syntax.GetLocation(), key, problem));
        }
    }
}
