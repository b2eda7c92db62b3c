// Shape: [Obsolete] and [Experimental] param types, their use suppressed with #pragma in the user's file (issue 11).
using System.Diagnostics.CodeAnalysis;
using MLflow.Tracking;

namespace Corpus.Legal.ObsoleteParamType;

[Obsolete("use Settings2")]
public sealed class OldSettings
{
    public int Size { get; set; }
}

[Experimental("CORPUS001")]
public sealed class PreviewSettings
{
    public int Level { get; set; }
}

#pragma warning disable CS0618, CORPUS001
public partial class Legacy
{
    [TrackedRun]
    public partial int Run([LogParam] int count, OldSettings old, PreviewSettings preview);

    private int RunCore(int count, OldSettings old, PreviewSettings preview) => count + old.Size + preview.Level;
}
#pragma warning restore CS0618, CORPUS001
