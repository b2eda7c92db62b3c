using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// MLFLOW002: a [TrackedRun] method must be a partial declaration without body.
/// MLFLOW007: its signature must be one the generator can wrap, with a matching &lt;Name&gt;Core method.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrackedRunShapeAnalyzer : MethodSymbolAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.TrackedRunNotPartial, Descriptors.UnsupportedSignature);

    /// <inheritdoc />
    private protected override void Analyze(SymbolAnalysisContext context, KnownTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!TrackedRunModel.IsTrackedRun(method, known))
        {
            return;
        }

        // Interface and abstract methods are tracked at run time by the DynamicProxy package, not generated.
        if (method.IsAbstract || method.ContainingType.TypeKind == TypeKind.Interface)
        {
            return;
        }

        var location = AttributeLocations.FirstLocation(method);
        if (!method.IsPartialDefinition)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.TrackedRunNotPartial, location, method.Name));
            return;
        }

        void Report(Location where, string why) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedSignature, where, method.Name, why));

        if (HasAsyncModifier(method, context.CancellationToken))
        {
            Report(location, "remove 'async' from the partial declaration; '" + method.Name + "Core' may be async");
        }

        foreach (var parameter in method.Parameters)
        {
            var parameterLocation = AttributeLocations.FirstLocation(parameter);
            if (parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                Report(parameterLocation, $"pointer parameter '{parameter.Name}' cannot be tracked");
            }
            else if (parameter.Type.IsRefLikeType && known.FindAttribute(parameter, known.LogParam) is not null)
            {
                Report(parameterLocation, $"[LogParam] cannot log the ref struct parameter '{parameter.Name}' of type '{parameter.Type.ToDisplayString()}'");
            }
        }

        var problem = CheckCore(method);
        if (problem is not null)
        {
            Report(location, problem);
        }
    }

    private static bool HasAsyncModifier(IMethodSymbol method, System.Threading.CancellationToken cancellationToken) =>
        method.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax &&
                                                  syntax.Modifiers.Any(SyntaxKind.AsyncKeyword));

    /// <summary>Returns what is wrong with &lt;Name&gt;Core, or null when it matches.</summary>
    internal static string? CheckCore(IMethodSymbol method)
    {
        var coreName = method.Name + "Core";
        var candidates = method.ContainingType.GetMembers(coreName).OfType<IMethodSymbol>().ToList();
        if (candidates.Count == 0)
        {
            return $"'{coreName}' is missing: declare it with the same signature and put the body there";
        }

        string? firstProblem = null;
        foreach (var candidate in candidates)
        {
            var problem = Compare(method, candidate);
            if (problem is null)
            {
                return null;
            }

            firstProblem ??= problem;
        }

        return $"'{coreName}' does not match: {firstProblem}";
    }

    private static string? Compare(IMethodSymbol method, IMethodSymbol core)
    {
        if (core.TypeParameters.Length != method.TypeParameters.Length)
        {
            return "it has a different number of type parameters";
        }

        if (core.TypeParameters.Length > 0)
        {
            core = core.Construct(method.TypeParameters.Cast<ITypeSymbol>().ToArray());
        }

        if (core.Parameters.Length != method.Parameters.Length)
        {
            return "it has a different number of parameters";
        }

        for (var i = 0; i < core.Parameters.Length; i++)
        {
            var expected = method.Parameters[i];
            var actual = core.Parameters[i];
            if (!SymbolEqualityComparer.Default.Equals(expected.Type, actual.Type))
            {
                return $"parameter {i + 1} is '{actual.Type.ToDisplayString()}', expected '{expected.Type.ToDisplayString()}'";
            }

            if (expected.RefKind != actual.RefKind)
            {
                return $"parameter {i + 1} is passed differently ('{actual.RefKind}' instead of '{expected.RefKind}')";
            }
        }

        if (!SymbolEqualityComparer.Default.Equals(method.ReturnType, core.ReturnType) || method.RefKind != core.RefKind)
        {
            return $"it returns '{core.ReturnType.ToDisplayString()}', expected '{method.ReturnType.ToDisplayString()}'";
        }

        if (method.IsStatic && !core.IsStatic)
        {
            return "a static tracked method needs a static Core method";
        }

        if (core.IsAsync && core.ReturnsVoid)
        {
            return "'async void' cannot be tracked: return Task instead";
        }

        return null;
    }
}
