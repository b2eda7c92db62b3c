using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// Reads the word lists users extend in .editorconfig or .globalconfig:
/// <c>mlflow_tracking.secret_words = a,b</c> and <c>mlflow_tracking.safe_words = x,y</c>.
/// </summary>
internal static class SecretWordOptions
{
    public const string SecretWordsKey = "mlflow_tracking.secret_words";
    public const string SafeWordsKey = "mlflow_tracking.safe_words";

    public static SecretClassifier CreateClassifier(AnalyzerConfigOptionsProvider provider, SyntaxTree? tree)
    {
        var options = tree is null ? provider.GlobalOptions : provider.GetOptions(tree);
        var secret = Read(options, provider.GlobalOptions, SecretWordsKey);
        var safe = Read(options, provider.GlobalOptions, SafeWordsKey);
        return secret.Length == 0 && safe.Length == 0 ? SecretClassifier.Default : new SecretClassifier(secret, safe);
    }

    private static string[] Read(AnalyzerConfigOptions options, AnalyzerConfigOptions global, string key)
    {
        if (!options.TryGetValue(key, out var value) && !global.TryGetValue(key, out value))
        {
            return Array.Empty<string>();
        }

        return value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim()).Where(w => w.Length > 0).ToArray();
    }
}
