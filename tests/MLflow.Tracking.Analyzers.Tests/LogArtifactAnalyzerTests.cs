using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

public class LogArtifactAnalyzerTests
{
    private static Task VerifyAsync(string source) => BuildVerifier.VerifyAsync(source);

    [Theory]
    [InlineData("string")]
    [InlineData("string?")]
    [InlineData("byte[]")]
    [InlineData("ReadOnlyMemory<byte>")]
    [InlineData("System.IO.Stream")]
    [InlineData("System.IO.MemoryStream")]
    [InlineData("System.IO.FileInfo")]
    [InlineData("Task<string>")]
    [InlineData("ValueTask<byte[]>")]
    public Task Supported_return_artifact_is_accepted(string type) => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            [return: LogArtifact("model/out.bin")]
            public partial {{type}} Export();
            private {{type}} ExportCore() => default!;
        }
        """);

    [Theory]
    [InlineData("double")]
    [InlineData("object")]
    [InlineData("int[]")]
    [InlineData("Memory<byte>")]
    [InlineData("ReadOnlyMemory<char>")]
    [InlineData("ReadOnlyMemory<byte>?")]
    [InlineData("System.IO.DirectoryInfo")]
    [InlineData("Task<double>")]
    public Task Unsupported_return_artifact_is_reported(string type) => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            [return: {|MLFLOW011:LogArtifact("model.json")|}]
            public partial {{type}} Export();
            private {{type}} ExportCore() => default!;
        }
        """);

    [Theory]
    [InlineData("../model.json")]
    [InlineData("/model.json")]
    [InlineData("C:/model.json")]
    [InlineData(@"model\\weights.bin")]
    [InlineData("model//weights.bin")]
    [InlineData("model/./weights.bin")]
    [InlineData("model/")]
    [InlineData("")]
    public Task Path_the_runtime_refuses_is_reported_on_the_argument(string path) => VerifyAsync($$"""
        public partial class Trainer
        {
            [TrackedRun]
            [return: LogArtifact({|MLFLOW011:"{{path}}"|})]
            public partial string Export();
            private string ExportCore() => "{}";
        }
        """);

    [Fact]
    public Task Members_of_the_result_are_checked_for_type_and_path() => VerifyAsync("""
        public sealed record Model(
            [property: LogArtifact("weights.bin")] byte[] Weights,
            [property: {|MLFLOW011:LogArtifact("score.txt")|}] double Score,
            [property: LogArtifact({|MLFLOW011:"../card.md"|})] string Card)
        {
            [LogArtifact] public System.IO.FileInfo? Report { get; init; }
            [{|MLFLOW011:LogArtifact|}] public System.Collections.Generic.List<string> Lines { get; init; } = new();
        }
        """);

    [Fact]
    public Task Two_artifacts_of_one_run_under_one_path_are_reported_on_the_method() => VerifyAsync("""
        public sealed record Model([property: LogArtifact("out/model.json")] string Json, [property: LogArtifact("out/model.json")] byte[] Bytes);
        public partial class Trainer
        {
            [TrackedRun]
            public partial Model {|MLFLOW011:Train|}();
            private Model TrainCore() => new("{}", new byte[0]);
        }
        """);

    [Fact]
    public Task Return_and_member_artifacts_that_share_a_path_are_reported() => VerifyAsync("""
        public sealed class Package : System.IO.MemoryStream
        {
            [LogArtifact("model.json")] public string Json { get; init; } = "{}";
        }
        public partial class Trainer
        {
            [TrackedRun]
            [return: LogArtifact("model.json")]
            public partial Package {|MLFLOW011:Export|}();
            private Package ExportCore() => new();
        }
        """);

    [Fact]
    public Task File_artifacts_without_a_path_keep_their_run_time_name_and_are_not_duplicates() => VerifyAsync("""
        public sealed record Files([property: LogArtifact] System.IO.FileInfo First, [property: LogArtifact] System.IO.FileInfo Second);
        public partial class Trainer
        {
            [TrackedRun]
            public partial Files Export();
            private Files ExportCore() => new(new("a.csv"), new("b.csv"));
        }
        """);

    [Fact]
    public Task Return_artifact_on_untracked_method_is_MLFLOW003() => VerifyAsync("""
        public class Trainer
        {
            [return: {|MLFLOW003:LogArtifact("model.json")|}]
            public string Export() => "{}";
        }
        """);
}
