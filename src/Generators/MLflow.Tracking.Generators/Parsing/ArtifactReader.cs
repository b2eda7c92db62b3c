using System.Collections.Generic;
using MLflow.Tracking.Generators.Model;
using MLflow.Tracking.Shared.Roslyn;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>
/// The artifacts the emitter writes for a tracked method's result, from the shared <see cref="TrackedRunReader"/>:
/// <c>[return: LogArtifact]</c> and <c>[LogArtifact]</c> members of a supported type under a valid path (others are
/// MLFLOW011 and not logged), in declaration order.
/// </summary>
internal static class ArtifactReader
{
    public static EquatableArray<ArtifactLogModel> Read(IMethodSymbol method, ITypeSymbol? resultType, KnownSymbols symbols)
    {
        var artifacts = new List<ArtifactLogModel>();
        foreach (var artifact in TrackedRunReader.ReadArtifacts(method, resultType, symbols.Shared))
        {
            if (artifact.IsLogged)
            {
                var member = artifact.Member is null ? null : TypeNames.Identifier(artifact.Member.Name);
                var guarded = artifact.Member is IPropertySymbol property && !TrackedRunReader.IsAutoProperty(property);
                artifacts.Add(new ArtifactLogModel(artifact.Path, member, guarded));
            }
        }

        return EquatableArray.From(artifacts);
    }
}
