using System.Collections.Generic;
using System.Text;
using System.Threading;
using MLflow.Tracking.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>
/// Reads a <c>[TrackedRun]</c> method into a <see cref="TrackedMethodModel"/>, or into the diagnostics that say why
/// the generator cannot implement it (<see cref="ShapeChecker"/>, <see cref="CoreMatcher"/>). Interface and abstract
/// methods, and ordinary methods that implement an interface member, give neither: the DynamicProxy package tracks
/// them at run time (its attributes may sit on the interface or on the implementation).
/// </summary>
internal static class TrackedMethodParser
{
    public static TrackedMethodResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method
            || context.TargetNode is not MethodDeclarationSyntax declaration
            || method.ContainingType is not { } containingType
            || method.IsAbstract
            || (containingType.TypeKind == TypeKind.Interface && !method.IsPartialDefinition)
            || (!method.IsPartialDefinition && ImplementsInterfaceMember(method)))
        {
            return TrackedMethodResult.None;
        }

        var diagnostics = new List<DiagnosticInfo>();
        if (!ShapeChecker.CheckDeclaration(method, declaration, diagnostics))
        {
            return new TrackedMethodResult(null, EquatableArray.From(diagnostics));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var compilation = context.SemanticModel.Compilation;
        var symbols = KnownSymbols.From(compilation);
        var shape = ReadShape(method.ReturnType, symbols, out var resultType);
        var isAsync = shape is ReturnShape.Awaitable or ReturnShape.AwaitableOfT;
        ShapeChecker.CheckSignature(method, declaration, isAsync, symbols, diagnostics);
        var core = CoreMatcher.Find(method, compilation, out var coreProblem);
        if (coreProblem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedSignature, declaration.Identifier.GetLocation(), method.Name, coreProblem));
        }

        if (diagnostics.Count > 0 || core is null)
        {
            return new TrackedMethodResult(null, EquatableArray.From(diagnostics));
        }

        var flattener = new ParamFlattener(symbols);
        var parameters = new List<ParameterModel>();
        var paramLogs = new List<ParamLogModel>();
        var needsUnsafe = ShapeChecker.ContainsPointer(method.ReturnType);
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            needsUnsafe |= ShapeChecker.ContainsPointer(parameter.Type);
            parameters.Add(ReadParameter(parameter, declaration.ParameterList.Parameters[i]));
            if (flattener.ForParameter(parameter) is { } log)
            {
                paramLogs.Add(log);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        ReadTrackedRunAttribute(context.Attributes[0], out var experiment, out var runName, out var logSystemMetrics);
        var isStatic = method.IsStatic;
        var typeTarget = TypeNames.Display(containingType) + ".";
        var memberSuffix = GeneratedNames.MemberSuffix(method);
        return new TrackedMethodResult(
            new TrackedMethodModel(
                HintName: GeneratedNames.HintName(method),
                Namespace: containingType.ContainingNamespace.IsGlobalNamespace ? null : containingType.ContainingNamespace.ToDisplayString(),
                ContainingTypes: ReadContainingTypes(containingType, needsUnsafe),
                Modifiers: Modifiers(declaration),
                MethodName: TypeNames.Identifier(method.Name),
                TypeParameterList: TypeParameterList(method.TypeParameters),
                ImplementationConstraints: EquatableArray.From(Constraints.Clauses(method.TypeParameters, declaration.ConstraintClauses, all: false, TypeNames.Qualified)),
                HelperConstraints: EquatableArray.From(Constraints.Clauses(method.TypeParameters, declaration.ConstraintClauses, all: true, TypeNames.Qualified)),
                IsStatic: isStatic,
                ReturnType: TypeNames.Display(method.ReturnType),
                ResultType: resultType is null ? null : TypeNames.Display(resultType),
                Shape: shape,
                // Never 'unsafe' (CS4004: no await in an unsafe context); async methods take no pointers (MLFLOW007).
                // Readonly like the wrapper that calls it in a mutable struct (CS8656: a copy of 'this' otherwise).
                HelperModifiers: isAsync ? "private " + (isStatic ? "static " : method.IsReadOnly && !containingType.IsReadOnly ? "readonly " : string.Empty) + "async" : null,
                Parameters: EquatableArray.From(parameters),
                // Qualified, so that a parameter or local named like the member cannot capture the call.
                CoreTarget: core.IsStatic ? typeTarget : "this.",
                MemberTarget: isStatic ? typeTarget : "this.",
                TypeTarget: typeTarget,
                LocalPrefix: GeneratedNames.LocalPrefix(method),
                DoesNotReturn: CoreMatcher.HasAttribute(method, CoreMatcher.DoesNotReturn),
                SuppressedWarnings: EquatableArray.From(WarningSuppressions.For(method)),
                DefinitionFieldName: "__MlflowRun_" + memberSuffix,
                HelperName: "__MlflowTracked_" + memberSuffix,
                ExperimentName: experiment,
                RunName: runName ?? method.Name,
                SourceName: containingType.ToDisplayString(TypeNames.SourceName) + "." + method.Name,
                Tags: ReadTags(method, symbols),
                ParamLogs: EquatableArray.From(paramLogs),
                Metrics: MetricReader.Read(method, resultType, symbols),
                ResultCanBeNull: resultType is not null && ValueTypes.CanBeNull(resultType),
                LogSystemMetrics: logSystemMetrics,
                Artifacts: ArtifactReader.Read(method, resultType, symbols)),
            EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>Whether an ordinary method implements an interface member (so the DynamicProxy can track it).</summary>
    private static bool ImplementsInterfaceMember(IMethodSymbol method)
    {
        if (method.ExplicitInterfaceImplementations.Length > 0)
        {
            return true;
        }

        foreach (var implemented in method.ContainingType.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(method.Name))
            {
                if (member is IMethodSymbol
                    && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The containing types, outermost first (ShapeChecker has made sure each is partial and not file-local). When the
    /// signature names pointer types, the generated part of the innermost type is <c>unsafe</c>: the user's
    /// <c>unsafe</c> covers only the user's part (CS0214), and the implementation may not add <c>unsafe</c> of its own
    /// (CS0764). Only synchronous methods get here with pointers, so no <c>await</c> lands in the unsafe part.
    /// </summary>
    private static EquatableArray<ContainingTypeModel> ReadContainingTypes(INamedTypeSymbol containingType, bool needsUnsafe)
    {
        var types = new List<ContainingTypeModel>();
        for (var type = containingType; type is not null; type = type.ContainingType)
        {
            var keyword = (needsUnsafe && types.Count == 0 ? "unsafe " : string.Empty) + Keyword(type);
            types.Insert(0, new ContainingTypeModel(keyword, TypeNames.Identifier(type.Name) + TypeParameterList(type.TypeParameters)));
        }

        return EquatableArray.From(types);
    }

    private static string Keyword(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Interface)
        {
            return "partial interface";
        }

        if (type.TypeKind == TypeKind.Struct)
        {
            var prefix = (type.IsReadOnly ? "readonly " : string.Empty) + (type.IsRefLikeType ? "ref " : string.Empty);
            return prefix + (type.IsRecord ? "partial record struct" : "partial struct");
        }

        return type.IsRecord ? "partial record" : "partial class";
    }

    private static ReturnShape ReadShape(ITypeSymbol returnType, KnownSymbols symbols, out ITypeSymbol? resultType)
    {
        resultType = null;
        if (returnType.SpecialType == SpecialType.System_Void)
        {
            return ReturnShape.Void;
        }

        if (KnownSymbols.Is(symbols.Task, returnType) || KnownSymbols.Is(symbols.ValueTask, returnType))
        {
            return ReturnShape.Awaitable;
        }

        if (returnType is INamedTypeSymbol { IsGenericType: true } named
            && (KnownSymbols.Is(symbols.TaskOfT, named.OriginalDefinition) || KnownSymbols.Is(symbols.ValueTaskOfT, named.OriginalDefinition)))
        {
            resultType = named.TypeArguments[0];
            return ReturnShape.AwaitableOfT;
        }

        resultType = returnType;
        return ReturnShape.Value;
    }

    private static ParameterModel ReadParameter(IParameterSymbol parameter, ParameterSyntax syntax)
    {
        var modifiers = new StringBuilder();
        foreach (var modifier in syntax.Modifiers)
        {
            modifiers.Append(modifier.Text).Append(' ');
        }

        var type = TypeNames.Display(parameter.Type);
        var name = TypeNames.Identifier(parameter.Name);
        var argument = parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            (RefKind)4 => "in ", // RefKind.RefReadOnlyParameter: C# 12 ref readonly parameters accept 'in' arguments.
            _ => string.Empty,
        };
        return new ParameterModel(modifiers + type + " " + name, type + " " + name, argument + name);
    }

    private static string Modifiers(MethodDeclarationSyntax declaration)
    {
        var modifiers = new List<string>();
        foreach (var modifier in declaration.Modifiers)
        {
            modifiers.Add(modifier.Text);
        }

        return string.Join(" ", modifiers);
    }

    private static string TypeParameterList(System.Collections.Immutable.ImmutableArray<ITypeParameterSymbol> typeParameters)
    {
        if (typeParameters.Length == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder("<");
        for (var i = 0; i < typeParameters.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(typeParameters[i].Variance switch
            {
                VarianceKind.In => "in ",
                VarianceKind.Out => "out ",
                _ => string.Empty,
            });
            builder.Append(TypeNames.Identifier(typeParameters[i].Name));
        }

        return builder.Append('>').ToString();
    }

    private static void ReadTrackedRunAttribute(AttributeData attribute, out string? experiment, out string? runName, out bool logSystemMetrics)
    {
        experiment = null;
        runName = null;
        logSystemMetrics = false;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Experiment")
            {
                experiment = argument.Value.Value as string;
            }
            else if (argument.Key == "RunName")
            {
                runName = argument.Value.Value as string;
            }
            else if (argument.Key == "LogSystemMetrics")
            {
                logSystemMetrics = argument.Value.Value is true;
            }
        }
    }

    /// <summary>[RunTag]s of the containing types, outermost first, then of the method.</summary>
    private static EquatableArray<TagModel> ReadTags(IMethodSymbol method, KnownSymbols symbols)
    {
        var owners = new List<ISymbol> { method };
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            owners.Insert(0, type);
        }

        var tags = new List<TagModel>();
        foreach (var owner in owners)
        {
            foreach (var attribute in owner.GetAttributes())
            {
                if (KnownSymbols.Is(symbols.RunTag, attribute.AttributeClass)
                    && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is string key
                    && attribute.ConstructorArguments[1].Value is string value)
                {
                    tags.Add(new TagModel(key, value));
                }
            }
        }

        return EquatableArray.From(tags);
    }
}
