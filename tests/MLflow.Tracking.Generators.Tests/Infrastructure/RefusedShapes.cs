using System.Collections.Generic;

namespace MLflow.Tracking.Generators.Tests.Infrastructure;

/// <summary>A shape the generator refuses: the expected diagnostic ID, and a part of its message.</summary>
internal sealed record RefusedShape(string Name, string Id, string MessagePart, string Source);

/// <summary>Every shape the generator cannot implement; the offending line is marked <c>//!</c>.</summary>
internal static class RefusedShapes
{
    private const string Mlflow002 = "MLFLOW002";
    private const string Mlflow007 = "MLFLOW007";

    public static readonly IReadOnlyList<RefusedShape> All = new[]
    {
        new RefusedShape("MissingCore", Mlflow007, "'RunCore' is missing; declare 'private int RunCore(int x)'", """
            public partial class C
            {
                [TrackedRun] public partial int Run(int x); //!
            }
            """),
        new RefusedShape("CoreWithOtherParameterType", Mlflow007, "parameter 'x' is 'long', expected 'int'", """
            public partial class C
            {
                [TrackedRun] public partial int Run(int x); //!
                private int RunCore(long x) => 0;
            }
            """),
        new RefusedShape("CoreWithOtherRefKind", Mlflow007, "parameter 'x' is passed by value, expected as 'ref'", """
            public partial class C
            {
                [TrackedRun] public partial void Run(ref int x); //!
                private void RunCore(int x) { }
            }
            """),
        new RefusedShape("CoreWithOtherReturnType", Mlflow007, "it returns 'Task<float>', expected 'Task<double>'", """
            using System.Threading.Tasks;
            public partial class C
            {
                [TrackedRun] public partial Task<double> RunAsync(); //!
                private Task<float> RunAsyncCore() => Task.FromResult(1f);
            }
            """),
        new RefusedShape("CoreWithOtherTypeParameterCount", Mlflow007, "it has 0 type parameters, expected 1", """
            public partial class C
            {
                [TrackedRun] public partial void Run<T>(T seed); //!
                private void RunCore(object seed) { }
            }
            """),
        new RefusedShape("CoreWithStricterConstraint", Mlflow007, "its type parameter 'T' requires 'class', which 'T' does not guarantee", """
            public partial class C
            {
                [TrackedRun] public partial T Run<T>(T value); //!
                private T RunCore<T>(T value) where T : class => value;
            }
            """),
        new RefusedShape("CoreWithStricterInterfaceConstraint", Mlflow007, "requires 'IComparable<T>'", """
            using System;
            public partial class C
            {
                [TrackedRun] public partial T Run<T>(T value) where T : notnull; //!
                private T RunCore<T>(T value) where T : IComparable<T> => value;
            }
            """),
        new RefusedShape("CoreWithoutAllowsRefStruct", Mlflow007, "does not allow ref struct", """
            public partial class C
            {
                [TrackedRun] public partial int Run<T>(T value) where T : allows ref struct; //!
                private int RunCore<T>(T value) => 1;
            }
            """),
        new RefusedShape("CoreWithNonNullableParameter", Mlflow007, "parameter 'name' is 'string' where 'string?' is passed", """
            public partial class C
            {
                [TrackedRun] public partial int Run(string? name); //!
                private int RunCore(string name) => name.Length;
            }
            """),
        new RefusedShape("CoreWithNullableResult", Mlflow007, "it returns 'string?', which may be null where 'Run' promises 'string'", """
            public partial class C
            {
                [TrackedRun] public partial string Run(); //!
                private string? RunCore() => null;
            }
            """),
        new RefusedShape("CoreWithNullableTaskResult", Mlflow007, "which may be null where 'RunAsync' promises 'Task<string>'", """
            using System.Threading.Tasks;
            public partial class C
            {
                [TrackedRun] public partial Task<string> RunAsync(); //!
                private Task<string?> RunAsyncCore() => Task.FromResult<string?>(null);
            }
            """),
        new RefusedShape("DoesNotReturnCoreThatReturns", Mlflow007, "mark 'FailCore' [DoesNotReturn] too", """
            using System.Diagnostics.CodeAnalysis;
            public partial class C
            {
                [TrackedRun, DoesNotReturn] public partial void Fail(); //!
                private void FailCore() => throw new System.InvalidOperationException();
            }
            """),
        new RefusedShape("StaticMethodWithInstanceCore", Mlflow007, "a static tracked method needs a static Core", """
            public partial class C
            {
                [TrackedRun] public static partial int Run(int x); //!
                private int RunCore(int x) => x;
            }
            """),
        new RefusedShape("ReadonlyMethodWithMutableCore", Mlflow007, "it is not 'readonly'", """
            public partial struct S
            {
                [TrackedRun] public readonly partial int Run(); //!
                private int RunCore() => 1;
            }
            """),
        new RefusedShape("AsyncVoidCore", Mlflow007, "'async void' cannot be tracked", """
            using System.Threading.Tasks;
            public partial class C
            {
                [TrackedRun] public partial void Run(); //!
                private async void RunCore() => await Task.Yield();
            }
            """),
        new RefusedShape("MethodWithBody", Mlflow002, "must be a partial declaration without a body; declare it 'partial' and move the body into 'private int RunCore(int x)'", """
            public class C
            {
                [TrackedRun] public int Run(int x) => x; //!
            }
            """),
        new RefusedShape("TypeNotPartial", Mlflow002, "is declared in 'C', which is not partial; add 'partial' to 'C'", """
            public class C
            {
                [TrackedRun] public partial int Run(int x); //!
                private int RunCore(int x) => x;
            }
            """),
        new RefusedShape("PartialVoidInFileLocalType", Mlflow002, "is declared in the file-local type 'C'", """
            file partial class C
            {
                [TrackedRun] partial void Run(int x); //!
                private void RunCore(int x) { }
            }
            """),
        new RefusedShape("PartialVoidNestedInNonPartialType", Mlflow002, "is declared in a type nested in 'Outer', which is not partial; add 'partial' to 'Outer'", """
            public class Outer
            {
                public partial class Inner
                {
                    [TrackedRun] partial void Run(int x); //!
                    private void RunCore(int x) { }
                }
            }
            """),
        new RefusedShape("OwnImplementationPart", Mlflow002, "has its own implementation", """
            public partial class C
            {
                public partial int Run(int x);
                [TrackedRun] public partial int Run(int x) => x; //!
            }
            """),
        new RefusedShape("RefReturn", Mlflow007, "a ref return cannot be tracked", """
            public partial class C
            {
                private int _value;
                [TrackedRun] public partial ref int Run(); //!
                private ref int RunCore() => ref _value;
            }
            """),
        new RefusedShape("LazySequence", Mlflow007, "it returns the lazy sequence 'IEnumerable<int>'", """
            using System.Collections.Generic;
            public partial class C
            {
                [TrackedRun] public partial IEnumerable<int> Run(); //!
                private IEnumerable<int> RunCore() { yield return 1; }
            }
            """),
        new RefusedShape("LazyAsyncSequence", Mlflow007, "return a materialized collection", """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            public partial class C
            {
                [TrackedRun] public partial IAsyncEnumerable<int> Run(); //!
                private async IAsyncEnumerable<int> RunCore() { await Task.Yield(); yield return 1; }
            }
            """),
        new RefusedShape("TaskWithRefParameter", Mlflow007, "cannot take 'x' by reference", """
            using System.Threading.Tasks;
            public partial class C
            {
                [TrackedRun] public partial Task Run(
                    ref int x); //!
                private Task RunCore(ref int x) => Task.CompletedTask;
            }
            """),
        new RefusedShape("TaskWithInParameter", Mlflow007, "cannot take 'x' by reference", """
            using System.Threading.Tasks;
            public partial class C
            {
                [TrackedRun] public partial ValueTask Run(
                    in int x); //!
                private ValueTask RunCore(in int x) => default;
            }
            """),
        new RefusedShape("TaskWithSpanParameter", Mlflow007, "cannot take the ref struct 'data'", """
            using System;
            using System.Threading.Tasks;
            public partial class C
            {
                [TrackedRun] public partial Task Run(
                    ReadOnlySpan<byte> data); //!
                private Task RunCore(ReadOnlySpan<byte> data) => Task.CompletedTask;
            }
            """),
        new RefusedShape("TaskWithPointerParameter", Mlflow007, "cannot take the pointer-typed 'items'", """
            using System.Threading.Tasks;
            public unsafe partial class C
            {
                [TrackedRun] public partial Task Run(
                    int*[] items); //!
                private Task RunCore(int*[] items) => Task.CompletedTask;
            }
            """),
        new RefusedShape("LogParamOnSpan", Mlflow007, "[LogParam] cannot log 'data' of type 'ReadOnlySpan<int>'", """
            using System;
            public partial class C
            {
                [TrackedRun] public partial int Run(
                    [LogParam] ReadOnlySpan<int> data); //!
                private int RunCore(ReadOnlySpan<int> data) => data.Length;
            }
            """),
        new RefusedShape("LogParamOnAllowsRefStruct", Mlflow007, "[LogParam] cannot log 'value' of type 'T'", """
            public partial class C
            {
                [TrackedRun] public partial int Run<T>(
                    [LogParam] T value) where T : allows ref struct; //!
                private int RunCore<T>(T value) where T : allows ref struct => 1;
            }
            """),
        new RefusedShape("LogParamOnPointer", Mlflow007, "[LogParam] cannot log the pointer 'p'", """
            public unsafe partial class C
            {
                [TrackedRun] public partial int Run(
                    [LogParam] int* p); //!
                private int RunCore(int* p) => *p;
            }
            """),
    };
}
