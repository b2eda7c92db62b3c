using System;
using System.Collections.Generic;
using System.Linq;

namespace MLflow.Tracking.Datasets;

/// <summary>A dataset logged as an input of a run, with its input tags (MLflow's <c>DatasetInput</c>).</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Tags">The input's tags; MLflow keeps the context (such as <c>training</c>) under <see cref="ContextTagKey"/>.</param>
public sealed record DatasetInput(Dataset Dataset, IReadOnlyList<Tag> Tags)
{
    /// <summary>The input tag that holds the context: <c>mlflow.data.context</c>.</summary>
    public const string ContextTagKey = "mlflow.data.context";

    /// <summary>The longest input tag key MLflow stores.</summary>
    public const int MaxTagKeyLength = 255;

    /// <summary>The longest input tag value MLflow stores.</summary>
    public const int MaxTagValueLength = 500;

    /// <summary>The context tag's value (<c>training</c>, <c>eval</c>…), or null when none was given.</summary>
    public string? Context => Tags.LastOrDefault(t => t.Key == ContextTagKey)?.Value;

    /// <summary>
    /// An input as MLflow's <c>log_input(dataset, context, tags)</c> makes it: the given tags, then the context as
    /// <see cref="ContextTagKey"/>.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="context">Its role in the run, such as <c>training</c> or <c>eval</c>; no context tag when null.</param>
    /// <param name="tags">More input tags.</param>
    public static DatasetInput Create(Dataset dataset, string? context, IEnumerable<KeyValuePair<string, string>>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var list = tags?.Select(t => new Tag(t.Key, t.Value)).ToList() ?? new List<Tag>();
        if (context is not null)
        {
            list.Add(new Tag(ContextTagKey, context));
        }

        return new DatasetInput(dataset, list);
    }
}
