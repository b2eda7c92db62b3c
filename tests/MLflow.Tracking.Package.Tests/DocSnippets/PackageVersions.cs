using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace MLflow.Tracking.Package.Tests.DocSnippets;

/// <summary>
/// The version a snippet project references a package at: this run's packed version for the MLflow.Tracking
/// packages, the repository's central version (Directory.Packages.props) for anything else a snippet names.
/// </summary>
internal sealed class PackageVersions(string repositoryRoot, string packedVersion)
{
    private readonly Dictionary<string, string> _central = Load(repositoryRoot);

    public string Of(string package) =>
        package == "MLflow.Tracking" || package.StartsWith("MLflow.Tracking.", StringComparison.Ordinal)
            ? packedVersion
            : _central.TryGetValue(package, out var version)
                ? version
                : throw new InvalidOperationException($"A snippet names the package '{package}', which has no version in Directory.Packages.props.");

    private static Dictionary<string, string> Load(string root)
    {
        var document = XDocument.Load(Path.Combine(root, "Directory.Packages.props"));
        var properties = document.Descendants("PropertyGroup").Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.Ordinal);
        return document.Descendants("PackageVersion").ToDictionary(
            e => (string)e.Attribute("Include")!,
            e => Expand((string)e.Attribute("Version")!, properties),
            StringComparer.Ordinal);
    }

    private static string Expand(string version, Dictionary<string, string> properties) =>
        version.StartsWith("$(", StringComparison.Ordinal) && version.EndsWith(')') ? properties[version[2..^1]] : version;
}
