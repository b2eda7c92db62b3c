using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>MLFLOW002 and MLFLOW007, which the generator reports, through the same build as every other rule.</summary>
public class UnsupportedSignatureTests
{
    private static Task VerifyAsync(string source) => BuildVerifier.VerifyAsync(source);

    [Fact]
    public Task Partial_declaration_with_matching_core_is_accepted() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial Task<double> TrainAsync([LogParam] int epochs, CancellationToken cancellationToken);

            private async Task<double> TrainAsyncCore(int epochs, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return epochs;
            }
        }
        """);

    [Fact]
    public Task Ordinary_method_with_body_is_reported() => VerifyAsync("""
        public class Trainer
        {
            [TrackedRun]
            public double {|MLFLOW002:Train|}(int epochs) => epochs;
        }
        """);

    [Fact]
    public Task Interface_method_is_left_to_the_dynamic_proxy() => VerifyAsync("""
        public interface ITrainer
        {
            [TrackedRun]
            double Train([LogParam] int epochs);
        }
        """);

    [Fact]
    public Task Missing_core_method_is_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial double {|MLFLOW007:Train|}(int epochs);
        }
        """);

    [Fact]
    public Task Core_with_different_parameter_type_is_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial double {|MLFLOW007:Train|}(int epochs);
            private double TrainCore(long epochs) => epochs;
        }
        """);

    [Fact]
    public Task Core_with_different_ref_kind_is_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void {|MLFLOW007:Train|}(ref int epochs);
            private void TrainCore(int epochs) { }
        }
        """);

    [Fact]
    public Task Core_with_different_return_type_is_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial Task<double> {|MLFLOW007:TrainAsync|}();
            private Task<float> TrainAsyncCore() => Task.FromResult(1f);
        }
        """);

    [Fact]
    public Task Generic_core_with_matching_type_parameters_is_accepted() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial T Train<T>([LogParam] int epochs, T seed);
            private U TrainCore<U>(int epochs, U seed) => seed;
        }
        """);

    [Fact]
    public Task Core_with_different_type_parameter_count_is_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void {|MLFLOW007:Train|}<T>(T seed);
            private void TrainCore(object seed) { }
        }
        """);

    [Fact]
    public Task Async_void_core_is_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial void {|MLFLOW007:Train|}();
            private async void TrainCore() => await Task.Yield();
        }
        """);

    [Fact]
    public Task Async_modifier_on_partial_declaration_is_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public async partial Task {|MLFLOW007:{|CS1994:TrainAsync|}|}();
            private Task TrainAsyncCore() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Ref_struct_parameter_with_log_param_is_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial int Train([LogParam] ReadOnlySpan<int> {|MLFLOW007:data|});
            private int TrainCore(ReadOnlySpan<int> data) => data.Length;
        }
        """);

    [Fact]
    public Task Ref_struct_parameter_without_log_param_is_accepted() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public partial int Train(ReadOnlySpan<int> data);
            private int TrainCore(ReadOnlySpan<int> data) => data.Length;
        }
        """);

    [Fact]
    public Task Pointer_parameter_of_a_synchronous_method_is_accepted() => VerifyAsync("""
        public unsafe partial class Trainer
        {
            [TrackedRun]
            public partial int Train(int* data);
            private int TrainCore(int* data) => *data;
        }
        """);

    [Fact]
    public Task Logged_pointer_parameter_is_reported() => VerifyAsync("""
        public unsafe partial class Trainer
        {
            [TrackedRun]
            public partial int Train([LogParam] int* {|MLFLOW007:data|});
            private int TrainCore(int* data) => *data;
        }
        """);

    [Fact]
    public Task Static_tracked_method_with_instance_core_is_reported() => VerifyAsync("""
        public partial class Trainer
        {
            [TrackedRun]
            public static partial int {|MLFLOW007:Train|}();
            private int TrainCore() => 1;
        }
        """);
}
