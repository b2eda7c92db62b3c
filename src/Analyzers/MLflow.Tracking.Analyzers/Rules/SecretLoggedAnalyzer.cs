using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MLflow.Tracking.Shared;
using MLflow.Tracking.Shared.Roslyn;

namespace MLflow.Tracking.Analyzers;

/// <summary>MLFLOW001: a secret is logged as a param or tag, through attributes or direct logging calls.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLoggedAnalyzer : TrackingAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SecretLogged);

    /// <inheritdoc />
    private protected override void Start(CompilationStartAnalysisContext start, KnownTypes known)
    {
        start.RegisterSymbolAction(c => AnalyzeMethod(c, known), SymbolKind.Method);
        start.RegisterOperationAction(c => AnalyzeInvocation(c, known), OperationKind.Invocation);
        start.RegisterOperationAction(c => AnalyzeObjectCreation(c, known), OperationKind.ObjectCreation);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!TrackedRunModel.IsTrackedRun(method, known) || method.Locations.Length == 0)
        {
            return;
        }

        var classifier = SecretWordOptions.CreateClassifier(context.Options.AnalyzerConfigOptionsProvider, method.Locations[0].SourceTree);
        foreach (var root in TrackedRunModel.GetParams(method, known))
        {
            AnalyzeParam(context, classifier, root, known);
        }
    }

    /// <summary>
    /// Judges a logged value, then its flattened members. Skipped values (collections, tasks...) are never read, so
    /// they leak nothing; a value found to be a secret is reported once, not again for each of its members.
    /// </summary>
    private static void AnalyzeParam(SymbolAnalysisContext context, SecretClassifier classifier, ParamNode param, KnownTypes known)
    {
        if (param.IsRedacted || param.Skip != SkipReason.None)
        {
            return;
        }

        // A flattened member is judged by its own name; the parameter by its name and its [LogParam] key.
        var reason = classifier.Classify(param.Source.Name, param.Source, param.Type, known) ??
                     classifier.ClassifyName(LastSegment(param.Key), SecretClassifier.IsStringLike(param.Type, known));
        if (reason is not null)
        {
            if (param.Root.Locations.Length > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLogged, param.Root.Locations[0], param.Key, reason, LoggingCall.ParamKind));
            }

            return;
        }

        foreach (var member in param.Members)
        {
            AnalyzeParam(context, classifier, member, known);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, KnownTypes known)
    {
        if (LoggingCall.FromInvocation((IInvocationOperation)context.Operation, known) is { } call)
        {
            AnalyzeCall(context, call, known);
        }
    }

    private static void AnalyzeObjectCreation(OperationAnalysisContext context, KnownTypes known)
    {
        if (LoggingCall.FromObjectCreation((IObjectCreationOperation)context.Operation, known) is { } call)
        {
            AnalyzeCall(context, call, known);
        }
    }

    private static void AnalyzeCall(OperationAnalysisContext context, LoggingCall call, KnownTypes known)
    {
        if (call.Kind == LoggingCall.MetricKind || call.Value is null)
        {
            return;
        }

        var classifier = SecretWordOptions.CreateClassifier(context.Options.AnalyzerConfigOptionsProvider, context.Operation.Syntax.SyntaxTree);
        var value = LoggingCall.Unwrap(call.Value);
        if (value is IInvocationOperation invocation && KnownTypes.Is(invocation.TargetMethod.ContainingType, known.ParamRedactor))
        {
            // Already redacted by the caller: only a hash or a length reaches MLflow.
            return;
        }

        var valueType = value.Type;
        var symbol = LoggingCall.ReferencedSymbol(value);

        var key = call.ConstantKey;
        var reason = SecretClassifier.ClassifyType(valueType, known) ??
                     (symbol is null ? null : SecretClassifier.ClassifyAttributes(symbol, known)) ??
                     (key is null ? null : classifier.ClassifyName(key, SecretClassifier.IsStringLike(valueType, known))) ??
                     (symbol is null ? null : classifier.ClassifyName(symbol.Name, SecretClassifier.IsStringLike(valueType, known)));
        if (reason is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLogged, call.Value.Syntax.GetLocation(), key ?? symbol?.Name ?? call.Value.Syntax.ToString(), reason, call.Kind));
        }
    }

    private static string LastSegment(string key)
    {
        var dot = key.LastIndexOf('.');
        return dot < 0 ? key : key.Substring(dot + 1);
    }
}
