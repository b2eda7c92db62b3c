using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>
/// net10.0 reference assemblies from Basic.Reference.Assemblies (the testing library's own ReferenceAssemblies.Net.*
/// download versions the package mirror lacks) plus the MLflow.Tracking runtime assembly.
/// </summary>
internal static class TestReferences
{
    // No package: nothing is downloaded; the references below are the whole framework.
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> All { get; } =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TrackedRunAttribute).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILoggerFactory).Assembly.Location))
            .ToImmutableArray();
}
