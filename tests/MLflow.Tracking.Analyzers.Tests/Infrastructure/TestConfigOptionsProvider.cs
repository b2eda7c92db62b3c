using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>
/// The options a build passes from .editorconfig/.globalconfig, given as <c>key = value</c> lines and served to every
/// file alike (what a <c>[*]</c> section or a global config does).
/// </summary>
internal sealed class TestConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options _options;

    public TestConfigOptionsProvider(string? lines)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in (lines ?? string.Empty).Split('\n'))
        {
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                values[line.Substring(0, separator).Trim()] = line.Substring(separator + 1).Trim();
            }
        }

        _options = new Options(values);
    }

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
