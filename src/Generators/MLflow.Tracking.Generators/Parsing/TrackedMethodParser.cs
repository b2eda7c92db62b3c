using System.Collections.Generic;
using System.Text;
using System.Threading;
using MLflow.Tracking.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>
/// Reads a <c>[TrackedRun]</c> method into a <see cref="TrackedMethodModel"/>. Methods the generator cannot implement
/// (not a partial declaration, a containing type that is not partial, no matching <c>&lt;Name&gt;Core</c>, by-ref
/// parameters on an async method...) give null: the analyzers report why, the generator stays silent.
/// </summary>
internal static class TrackedMethodParser
{
    public static TrackedMethodModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method
            || context.TargetNode is not MethodDeclarationSyntax declaration
            || !IsBodilessPartialDeclaration(declaration, method)
            || method.ContainingType is not { } containingType
            || method.ReturnsByRef
            || method.ReturnsByRefReadonly
            || method.MethodKind != MethodKind.Ordinary)
        {
            return null;
        }

        var containingTypes = ReadContainingTypes(declaration, containingType);
        if (containingTypes is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var symbols = KnownSymbols.From(context.SemanticModel.Compilation);
        var shape = ReadShape(method.ReturnType, symbols, out var resultType);
        var isAsync = shape is ReturnShape.Awaitable or ReturnShape.AwaitableOfT;
        if (isAsync && !CanBeAsync(method))
        {
            return null;
        }

        if (!HasMatchingCore(method, containingType))
        {
            return null;
        }

        var overloadSuffix = OverloadSuffix(method, containingType);
        var flattener = new ParamFlattener(symbols);
        var parameters = new List<ParameterModel>();
        var paramLogs = new List<ParamLogModel>();
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            parameters.Add(ReadParameter(parameter, declaration.ParameterList.Parameters[i]));
            if (flattener.ForParameter(parameter) is { } log)
            {
                paramLogs.Add(log);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        ReadTrackedRunAttribute(context.Attributes[0], out var experiment, out var runName);
        var isStatic = method.IsStatic;
        return new TrackedMethodModel(
            HintName: HintName(containingType, method.Name + overloadSuffix),
            Namespace: containingType.ContainingNamespace.IsGlobalNamespace ? null : containingType.ContainingNamespace.ToDisplayString(),
            ContainingTypes: containingTypes.Value,
            Modifiers: Modifiers(declaration),
            MethodName: TypeNames.Identifier(method.Name),
            TypeParameterList: TypeParameterList(method.TypeParameters),
            ImplementationConstraints: Constraints(method.TypeParameters, declaration.ConstraintClauses, all: false),
            HelperConstraints: Constraints(method.TypeParameters, declaration.ConstraintClauses, all: true),
            IsStatic: isStatic,
            ReturnType: TypeNames.Display(method.ReturnType),
            Shape: shape,
            HelperModifiers: isAsync ? "private " + (isStatic ? "static " : string.Empty) + (declaration.Modifiers.Any(SyntaxKind.UnsafeKeyword) ? "unsafe " : string.Empty) + "async" : null,
            Parameters: EquatableArray.From(parameters),
            DefinitionFieldName: "__MlflowRun_" + method.Name + overloadSuffix,
            HelperName: "__MlflowTracked_" + method.Name + overloadSuffix,
            ExperimentName: experiment,
            RunName: runName ?? method.Name,
            SourceName: containingType.ToDisplayString(TypeNames.SourceName) + "." + method.Name,
            Tags: ReadTags(method, symbols),
            ParamLogs: EquatableArray.From(paramLogs),
            Metrics: MetricReader.Read(method, resultType, symbols),
            ResultCanBeNull: resultType is not null && ValueTypes.CanBeNull(resultType));
    }

    private static bool IsBodilessPartialDeclaration(MethodDeclarationSyntax declaration, IMethodSymbol method) =>
        declaration.Body is null
        && declaration.ExpressionBody is null
        && declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
        && method.PartialDefinitionPart is null
        && method.PartialImplementationPart is null;

    private static EquatableArray<ContainingTypeModel>? ReadContainingTypes(MethodDeclarationSyntax declaration, INamedTypeSymbol containingType)
    {
        var types = new List<ContainingTypeModel>();
        var type = containingType;
        for (var node = declaration.Parent; node is not null && node is not BaseNamespaceDeclarationSyntax && node is not CompilationUnitSyntax; node = node.Parent)
        {
            if (node is not TypeDeclarationSyntax typeDeclaration
                || !typeDeclaration.Modifiers.Any(SyntaxKind.PartialKeyword)
                || type is null
                || type.IsFileLocal)
            {
                return null;
            }

            types.Insert(0, new ContainingTypeModel(Keyword(type), TypeNames.Identifier(type.Name) + TypeParameterList(type.TypeParameters)));
            type = type.ContainingType;
        }

        return type is null ? EquatableArray.From(types) : null;
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

    /// <summary>Async methods cannot take by-ref, ref struct or pointer parameters.</summary>
    private static bool CanBeAsync(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                return false;
            }
        }

        return !method.ContainingType.IsRefLikeType;
    }

    /// <summary>The user's body: <c>&lt;Name&gt;Core</c> with the same type parameters, parameters and return type.</summary>
    private static bool HasMatchingCore(IMethodSymbol method, INamedTypeSymbol containingType)
    {
        foreach (var member in containingType.GetMembers(method.Name + "Core"))
        {
            if (member is not IMethodSymbol core
                || core.TypeParameters.Length != method.TypeParameters.Length
                || core.Parameters.Length != method.Parameters.Length
                || (method.IsStatic && !core.IsStatic))
            {
                continue;
            }

            var constructed = core.TypeParameters.Length == 0 ? core : core.Construct(ToTypeArray(method.TypeParameters));
            if (!SymbolEqualityComparer.Default.Equals(constructed.ReturnType, method.ReturnType))
            {
                continue;
            }

            var matches = true;
            for (var i = 0; i < method.Parameters.Length && matches; i++)
            {
                matches = method.Parameters[i].RefKind == constructed.Parameters[i].RefKind
                    && SymbolEqualityComparer.Default.Equals(method.Parameters[i].Type, constructed.Parameters[i].Type);
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private static ITypeSymbol[] ToTypeArray(System.Collections.Immutable.ImmutableArray<ITypeParameterSymbol> typeParameters)
    {
        var result = new ITypeSymbol[typeParameters.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = typeParameters[i];
        }

        return result;
    }

    /// <summary>Overloads get an index so that their generated members do not collide.</summary>
    private static string OverloadSuffix(IMethodSymbol method, INamedTypeSymbol containingType)
    {
        var members = containingType.GetMembers(method.Name);
        if (members.Length <= 1)
        {
            return string.Empty;
        }

        for (var i = 0; i < members.Length; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(members[i], method))
            {
                return "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return string.Empty;
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
        var builder = new StringBuilder();
        foreach (var modifier in declaration.Modifiers)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(modifier.Text);
        }

        return builder.ToString();
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

    /// <summary>
    /// <c>where</c> clauses. A partial implementation repeats exactly the clauses its declaration has (overrides have
    /// none); the private async helper needs every constraint.
    /// </summary>
    private static EquatableArray<string> Constraints(
        System.Collections.Immutable.ImmutableArray<ITypeParameterSymbol> typeParameters,
        SyntaxList<TypeParameterConstraintClauseSyntax> declared,
        bool all)
    {
        var clauses = new List<string>();
        foreach (var typeParameter in typeParameters)
        {
            var isDeclared = false;
            foreach (var clause in declared)
            {
                isDeclared |= clause.Name.Identifier.ValueText == typeParameter.Name;
            }

            if (!all && !isDeclared)
            {
                continue;
            }

            var parts = new List<string>();
            if (typeParameter.HasReferenceTypeConstraint)
            {
                parts.Add(typeParameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }
            else if (typeParameter.HasUnmanagedTypeConstraint)
            {
                parts.Add("unmanaged");
            }
            else if (typeParameter.HasValueTypeConstraint)
            {
                parts.Add("struct");
            }
            else if (typeParameter.HasNotNullConstraint)
            {
                parts.Add("notnull");
            }

            foreach (var constraintType in typeParameter.ConstraintTypes)
            {
                parts.Add(TypeNames.Display(constraintType));
            }

            if (typeParameter.HasConstructorConstraint)
            {
                parts.Add("new()");
            }

            if (typeParameter.AllowsRefLikeType)
            {
                parts.Add("allows ref struct");
            }

            if (parts.Count == 0)
            {
                if (!isDeclared)
                {
                    continue;
                }

                parts.Add("default");
            }

            clauses.Add("where " + TypeNames.Identifier(typeParameter.Name) + " : " + string.Join(", ", parts));
        }

        return EquatableArray.From(clauses);
    }

    private static void ReadTrackedRunAttribute(AttributeData attribute, out string? experiment, out string? runName)
    {
        experiment = null;
        runName = null;
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

    private static string HintName(INamedTypeSymbol containingType, string methodName)
    {
        var builder = new StringBuilder();
        if (!containingType.ContainingNamespace.IsGlobalNamespace)
        {
            builder.Append(containingType.ContainingNamespace.ToDisplayString()).Append('.');
        }

        var names = new List<string>();
        for (var type = containingType; type is not null; type = type.ContainingType)
        {
            names.Insert(0, type.MetadataName);
        }

        builder.Append(string.Join(".", names)).Append('.').Append(methodName);
        return TypeNames.HintSafe(builder.ToString()) + ".g.cs";
    }
}
