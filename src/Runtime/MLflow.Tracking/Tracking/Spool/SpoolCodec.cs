using System;
using System.Collections.Generic;
using MLflow.Tracking.Pipeline;

namespace MLflow.Tracking.Spool;

/// <summary>Turns the work list's runs into spool entries and back.</summary>
internal static class SpoolCodec
{
    /// <summary>
    /// The spool entry of what <paramref name="run"/> still has to deliver. Its parent, when not created yet, must be
    /// spooled too (the worker ensures it) so that the entry can name it by key.
    /// </summary>
    public static SpoolRun ToEntry(TrackedRun run, MlflowOptions options)
    {
        run.SpoolKey ??= NewKey();
        var definition = run.Definition;
        var entry = new SpoolRun
        {
            Key = run.SpoolKey,
            RunId = run.KnownRunId,
            Create = run.NeedsCreate,
            Attached = run.IsAttached,
            RunName = definition.RunName,
            SourceName = definition.SourceName,
            StartTime = run.StartTime.ToUnixTimeMilliseconds(),
        };

        if (run.NeedsCreate)
        {
            entry.ExperimentId = run.FixedExperimentId ?? (definition.ExperimentName is null ? options.ExperimentId : null);
            entry.ExperimentName = definition.ExperimentName ?? (entry.ExperimentId is null ? options.ExperimentName : null);
            entry.CreationTags = ToItems(run.RestoredCreationTags ?? RunProtocol.BaseCreationTags(run));
            if (run.ParentRun is { } parent)
            {
                if (parent.KnownRunId is { } parentId)
                {
                    entry.ParentRunId = parentId;
                }
                else
                {
                    entry.ParentKey = parent.SpoolKey ??= NewKey();
                }
            }
            else
            {
                entry.ParentRunId = run.RestoredParentRunId;
            }
        }

        if (run.PendingData is { } data)
        {
            entry.Items.Capacity = data.Count;
            foreach (var item in data)
            {
                entry.Items.Add(item.Kind switch
                {
                    RunOperationKind.Metric => new SpoolItem { Kind = 'm', Key = item.Key!, Value = item.Value, Step = item.Step, Timestamp = item.Timestamp.ToUnixTimeMilliseconds() },
                    RunOperationKind.Param => new SpoolItem { Kind = 'p', Key = item.Key!, Text = item.Text },
                    RunOperationKind.Attachment => ((RunAttachment)item.Payload!).ToSpoolItem(),
                    _ => new SpoolItem { Kind = 't', Key = item.Key!, Text = item.Text },
                });
            }
        }

        if (run.PendingEndStatus is { } status)
        {
            entry.EndStatus = status;
            entry.EndTime = run.PendingEndTime.ToUnixTimeMilliseconds();
        }

        return entry;
    }

    /// <summary>
    /// The runs of a claimed file, ready for the work list, or null when a run's start (or its parent's) is in a file
    /// not replayed yet: the file then waits.
    /// </summary>
    public static List<TrackedRun>? Restore(SpoolFile file, BackgroundRunTracker tracker, RunSpool spool)
    {
        var runs = new List<TrackedRun>(file.Runs.Count);
        var byKey = new Dictionary<string, TrackedRun>(StringComparer.Ordinal);
        foreach (var entry in file.Runs)
        {
            var runId = entry.RunId ?? spool.LookupRunId(entry.Key);
            if (runId is null && !entry.Create)
            {
                return null;
            }

            TrackedRun? parent = null;
            var parentId = entry.ParentRunId;
            if (runId is null && entry.ParentKey is { } parentKey)
            {
                if (!byKey.TryGetValue(parentKey, out parent))
                {
                    parentId = spool.LookupRunId(parentKey);
                    if (parentId is null)
                    {
                        return null;
                    }
                }
            }

            var definition = new TrackedRunDefinition(entry.ExperimentName, entry.RunName, entry.SourceName);
            var run = TrackedRun.Restore(tracker, definition, parent, DateTimeOffset.FromUnixTimeMilliseconds(entry.StartTime), entry.Attached, runId);
            run.SpoolKey = entry.Key;
            run.NeedsCreate = runId is null;
            run.FixedExperimentId = entry.ExperimentId;
            run.RestoredParentRunId = parentId;
            run.RestoredCreationTags = entry.CreationTags is null ? null : ToTags(entry.CreationTags);
            if (entry.Items.Count > 0)
            {
                var data = new List<RunOperation>(entry.Items.Count);
                foreach (var item in entry.Items)
                {
                    data.Add(RunAttachment.FromSpoolItem(item) is { } attachment ? RunOperation.Attachment(run, attachment) : item.Kind switch
                    {
                        'm' => RunOperation.Metric(run, item.Key, item.Value, item.Step, DateTimeOffset.FromUnixTimeMilliseconds(item.Timestamp)),
                        'p' => RunOperation.Param(run, item.Key, item.Text ?? ""),
                        _ => RunOperation.Tag(run, item.Key, item.Text ?? ""),
                    });
                }

                run.PendingData = data;
            }

            if (entry.EndStatus is { } status)
            {
                run.PendingEndStatus = status;
                run.PendingEndTime = DateTimeOffset.FromUnixTimeMilliseconds(entry.EndTime ?? entry.StartTime);
            }

            byKey[entry.Key] = run;
            runs.Add(run);
        }

        return runs;
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static List<SpoolItem> ToItems(IReadOnlyList<Tag> tags)
    {
        var items = new List<SpoolItem>(tags.Count);
        foreach (var tag in tags)
        {
            items.Add(new SpoolItem { Kind = 't', Key = tag.Key, Text = tag.Value });
        }

        return items;
    }

    private static List<Tag> ToTags(List<SpoolItem> items)
    {
        var tags = new List<Tag>(items.Count);
        foreach (var item in items)
        {
            tags.Add(new Tag(item.Key, item.Text ?? ""));
        }

        return tags;
    }
}
