using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;

namespace MLflow.Tracking.Generators.Tests.Infrastructure;

/// <summary>
/// The scenario source compiled with the generator into an in-memory assembly, loaded once into a collectible
/// load context (MLflow.Tracking itself resolves to the test's copy, so trackers installed here are the ones it sees).
/// </summary>
internal static class ScenarioAssembly
{
    private static readonly Lazy<Assembly> LazyAssembly = new(Compile);

    public static Assembly Assembly => LazyAssembly.Value;

    public static Type Type(string name) => Assembly.GetType(name, throwOnError: true)!;

    public static object Create(string typeName, params object?[] arguments) => Activator.CreateInstance(Type(typeName), arguments)!;

    /// <summary>Calls a method by name, rethrowing what it throws (not the reflection wrapper).</summary>
    public static object? Call(object target, string method, params object?[] arguments) =>
        Call(target.GetType(), target, method, arguments);

    public static object? CallStatic(string typeName, string method, params object?[] arguments) =>
        Call(Type(typeName), null, method, arguments);

    public static object? Call(Type type, object? target, string method, object?[] arguments, Type[]? typeArguments = null)
    {
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == method && m.GetParameters().Length == arguments.Length)
            .ToList();
        var info = Assert.Single(candidates);
        if (typeArguments is not null)
        {
            info = info.MakeGenericMethod(typeArguments);
        }

        try
        {
            return info.Invoke(target, arguments);
        }
        catch (TargetInvocationException wrapper) when (wrapper.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(wrapper.InnerException).Throw();
            throw;
        }
    }

    private static Assembly Compile()
    {
        var output = GeneratorHarness.Run(ScenarioSource.Text);
        using var stream = new MemoryStream();
        var emit = output.Compilation.Emit(stream);
        var problems = GeneratorHarness.Problems(output.Compilation);
        Assert.True(emit.Success && problems.Count == 0, string.Join("\n", problems.Concat(emit.Diagnostics.Select(d => d.ToString()))));
        stream.Position = 0;
        var context = new AssemblyLoadContext("TrackedScenarios", isCollectible: true);
        return context.LoadFromStream(stream);
    }
}
