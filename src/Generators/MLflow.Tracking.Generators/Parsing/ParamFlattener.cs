using System.Collections.Generic;
using MLflow.Tracking.Generators.Model;
using MLflow.Tracking.Shared;
using MLflow.Tracking.Shared.Roslyn;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>
/// Turns what the shared <see cref="TrackedRunReader"/> says a <c>[LogParam]</c> parameter logs into the equatable
/// model the emitter writes: leaves as one param, objects as their members, skipped values left out.
/// </summary>
internal sealed class ParamFlattener
{
    private static readonly string[] RedactionNames = { "None", "Hash", "Length" };

    private readonly KnownSymbols _symbols;

    public ParamFlattener(KnownSymbols symbols) => _symbols = symbols;

    /// <summary>The param(s) for a parameter, or null when the parameter is not logged.</summary>
    public ParamLogModel? ForParameter(IParameterSymbol parameter) =>
        TrackedRunReader.ReadParam(parameter, _symbols.Shared) is { } node ? Convert(node, TypeNames.Identifier(parameter.Name)) : null;

    private static ParamLogModel? Convert(ParamNode node, string access)
    {
        if (node.Skip != SkipReason.None)
        {
            return null;
        }

        if (!node.IsObject)
        {
            var redaction = node.Redaction > 0 && node.Redaction < RedactionNames.Length ? RedactionNames[node.Redaction] : null;
            var kind = CanBeNull(node.Type) && !node.Type.IsValueType ? ParamLogKind.NullableReference : ParamLogKind.Value;
            var isString = node.Type.SpecialType == SpecialType.System_String;
            return new ParamLogModel(node.Key, access, kind, redaction, isString, false, node.ReadRunsUserCode || node.FormatRunsUserCode, EquatableArray<ParamLogModel>.Empty);
        }

        var members = new List<ParamLogModel>();
        foreach (var member in node.Members)
        {
            if (Convert(member, TypeNames.Identifier(member.Source.Name)) is { } model)
            {
                members.Add(model);
            }
        }

        return new ParamLogModel(node.Key, access, ParamLogKind.Object, null, false, CanBeNull(node.Type), node.ReadRunsUserCode, EquatableArray.From(members));
    }

    /// <summary>Whether a value of the type can be null at run time (reference types, nullable value types, unconstrained generics).</summary>
    private static bool CanBeNull(ITypeSymbol type) => ValueTypes.CanBeNull(type);
}
