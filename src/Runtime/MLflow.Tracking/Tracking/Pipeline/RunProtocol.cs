using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Spool;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// MLflow's run protocol for one run's queued operations: create the run (the experiment resolved once per tracker),
/// send its data in log-batch calls in order, terminate it. Safe for several runs at once (delivery lanes); one run is
/// only ever delivered by one lane.
/// </summary>
internal sealed class RunProtocol
{
    // MLflow's log-batch limits (the client splits too; staying within them keeps one failure to one batch).
    private const int MaxBatchMetrics = 1000;
    private const int MaxBatchParams = 100;
    private const int MaxBatchTags = 100;
    private const int MaxBatchItems = 1000;

    private readonly MlflowOptions _options;
    private readonly DeliveryCounters _counters;
    private readonly ILogger _logger;
    private readonly ExperimentCache _experiments = new();
    private Exception? _lastTransientError;

    public RunProtocol(MlflowOptions options, DeliveryCounters counters, ILogger logger)
    {
        _options = options;
        _counters = counters;
        _logger = logger;
    }

    /// <summary>Where created spooled runs record their server ids (null: no spool).</summary>
    public RunSpool? Spool { get; set; }

    /// <summary>The last failure that meant "unreachable", taken (and cleared) by the worker to log the outage once.</summary>
    public Exception? TakeTransientError() => Interlocked.Exchange(ref _lastTransientError, null);

    /// <summary>The tags a run is created with, without <c>mlflow.parentRunId</c> (that is known only at delivery).</summary>
    public static List<Tag> BaseCreationTags(TrackedRun run)
    {
        var definition = run.Definition;
        var tags = new List<Tag>(6 + definition.Tags.Count)
        {
            new(SystemTags.RunName, run.RunName),
            new(SystemTags.User, SystemTags.UserName),
            new(SystemTags.SourceName, definition.SourceName),
            new(SystemTags.SourceType, SystemTags.LocalSource),
        };
        if (SystemTags.GitCommitOfEntryAssembly is { } commit)
        {
            tags.Add(new Tag(SystemTags.GitCommit, commit));
        }

        for (var i = 0; i < definition.Tags.Count; i++)
        {
            tags.Add(definition.Tags[i]);
        }

        return tags;
    }

    /// <summary>
    /// Delivers what <paramref name="run"/> has queued. False when the store is unreachable or
    /// <paramref name="stopByMs"/> (a flush deadline, on <see cref="Environment.TickCount64"/>'s clock) has passed;
    /// the rest stays queued. The deadline is checked between requests, so a request is not cut off once sent: a
    /// run creation the store carried out but whose answer was cut off would be created again from the spool.
    /// </summary>
    public async Task<bool> DeliverAsync(MlflowClient client, TrackedRun run, long stopByMs, CancellationToken cancellationToken)
    {
        if (Stopped(stopByMs))
        {
            return false;
        }

        if (run.NeedsCreate && !await CreateAsync(client, run, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (run.KnownRunId is not { } runId)
        {
            // Creation was refused: nothing of this run can be delivered.
            Refuse(run);
            return true;
        }

        if (!await DeliverDataAsync(client, run, runId, stopByMs, cancellationToken).ConfigureAwait(false) || Stopped(stopByMs))
        {
            return false;
        }

        if (run.PendingEndStatus is { } status)
        {
            if (!run.IsAttached)
            {
                try
                {
                    await client.Runs.UpdateAsync(runId, status, run.PendingEndTime, null, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
                {
                    if (IsTransient(ex))
                    {
                        return false;
                    }

                    TrackerLog.EndRefused(_logger, ex, runId, status);
                    run.PendingEndStatus = null;
                    _counters.AddRefused(1);
                    return true;
                }
            }

            run.PendingEndStatus = null;
            _counters.AddDelivered(1);
        }

        return true;
    }

    /// <summary>Drops everything a run still has queued (counted, logged by the caller with the cause).</summary>
    public void Refuse(TrackedRun run)
    {
        var count = run.PendingCount;
        if (run.NeedsCreate)
        {
            run.PublishCreationError(new MlflowException($"The MLflow run '{run.RunName}' was not created: its data could not be delivered (see the log)."));
        }

        run.NeedsCreate = false;
        run.PendingData?.Clear();
        run.PendingEndStatus = null;
        if (count > 0)
        {
            _counters.AddRefused(count);
        }
    }

    private static bool Stopped(long stopByMs) => Environment.TickCount64 >= stopByMs;

    /// <summary>Any failure of a store call except delivery being stopped (disposal or the flush deadline).</summary>
    private static bool IsStoreFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not OutOfMemoryException && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private async Task<bool> CreateAsync(MlflowClient client, TrackedRun run, CancellationToken cancellationToken)
    {
        ReportReservedTags(run.Definition);
        var sendingCreate = false;
        try
        {
            if (run.IsAttached)
            {
                var existing = await client.Runs.GetAsync(run.KnownRunId!, cancellationToken).ConfigureAwait(false);
                run.PublishExperimentId(existing.Info.ExperimentId);
                QueueDefinitionTags(run);
            }
            else
            {
                var experimentId = await ResolveExperimentAsync(client, run, cancellationToken).ConfigureAwait(false);
                var durable = (client.Store.Capabilities & Stores.MlflowStoreCapabilities.Durable) != 0;
                if (durable && run.CreationUncertain && run.Key is { } sentKey)
                {
                    // An earlier creation may have been carried out although its answer was lost: look before creating.
                    var existing = await FindByKeyAsync(client, experimentId, sentKey, cancellationToken).ConfigureAwait(false);
                    if (existing is not null)
                    {
                        TrackerLog.CreationFoundByKey(_logger, run.RunName, existing.Info.RunId);
                        Created(run, existing.Info);
                        return true;
                    }

                    run.CreationUncertain = false;
                }

                var tags = run.RestoredCreationTags is { } restored ? new List<Tag>(restored) : BaseCreationTags(run);
                if ((run.ParentRun?.KnownRunId ?? run.RestoredParentRunId) is { } parentId)
                {
                    tags.Add(new Tag(SystemTags.ParentRunId, parentId));
                }

                if (durable)
                {
                    // Only stores that outlive the process can be asked again later; the in-memory fake keeps its tags as logged.
                    tags.Add(new Tag(SystemTags.RunKey, run.Key ??= RunKey.New()));
                }

                // Until an answer says otherwise, the store may carry this out: a cut-off answer leaves it uncertain.
                run.CreationUncertain = durable;
                sendingCreate = true;
                var created = await client.Runs.CreateAsync(
                    new CreateRunRequest
                    {
                        ExperimentId = experimentId,
                        RunName = run.RunName,
                        StartTime = run.StartTime,
                        UserId = UserOf(tags),
                        Tags = tags,
                    },
                    cancellationToken).ConfigureAwait(false);
                Created(run, created.Info);
                return true;
            }
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            if (sendingCreate && DeliveryErrors.WasNotCarriedOut(ex))
            {
                run.CreationUncertain = false; // the store said it did not take it (503, 429, connection refused)
            }

            if (IsTransient(ex))
            {
                return false;
            }

            TrackerLog.CreateRefused(_logger, ex, run.RunName, run.Definition.SourceName);
            run.NeedsCreate = false;
            run.PublishCreationError(ex as MlflowException ?? new MlflowException($"The MLflow run '{run.RunName}' could not be created.", ex));
            _counters.AddRefused(1);
            return true;
        }

        run.NeedsCreate = false;
        _counters.AddDelivered(1);
        return true;
    }

    /// <summary>The run the store already holds under <paramref name="key"/> (any lifecycle stage), or null.</summary>
    private static async Task<Run?> FindByKeyAsync(MlflowClient client, string experimentId, string key, CancellationToken cancellationToken)
    {
        try
        {
            var page = await client.Runs.SearchAsync([experimentId], RunKey.Filter(key), maxResults: 1, viewType: ViewType.All, cancellationToken: cancellationToken).ConfigureAwait(false);
            return page.Items.Count > 0 ? page.Items[0] : null;
        }
        catch (MlflowException ex) when (!DeliveryErrors.IsTransient(ex))
        {
            // A store that cannot search by tag (a proxy that forbids runs/search) must not cost the run: create it.
            return null;
        }
    }

    private void Created(TrackedRun run, RunInfo info)
    {
        run.PublishRunId(info.RunId, info.ExperimentId);
        run.NeedsCreate = false;
        run.CreationUncertain = false;
        if (run.Key is { } key && (run.Spooled || run.SourceLease is not null))
        {
            // Later parts of a spooled run, and its children, find it by key (in this process or the next).
            Spool?.RecordRunId(key, info.RunId);
        }

        _counters.AddDelivered(1);
    }

    private Task<string> ResolveExperimentAsync(MlflowClient client, TrackedRun run, CancellationToken cancellationToken)
    {
        if (run.FixedExperimentId is { } fixedId)
        {
            return Task.FromResult(fixedId);
        }

        var name = run.Definition.ExperimentName;
        if (name is null)
        {
            if (_options.ExperimentId is { } configuredId)
            {
                return Task.FromResult(configuredId);
            }

            name = _options.ExperimentName;
            if (name is null)
            {
                return Task.FromResult("0");
            }
        }

        return _experiments.ResolveAsync(client, name, cancellationToken);
    }

    /// <summary>The run is recorded without them; the user learns which key and why, once per tracked method.</summary>
    private void ReportReservedTags(TrackedRunDefinition definition)
    {
        if (!definition.ClaimReservedTagsReport())
        {
            return;
        }

        foreach (var tag in definition.ReservedTags)
        {
            TrackerLog.ReservedTagSkipped(_logger, tag.Key, definition.SourceName);
        }
    }

    private static string UserOf(List<Tag> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == SystemTags.User)
            {
                return tag.Value;
            }
        }

        return SystemTags.UserName;
    }

    /// <summary>An attached run keeps its own system tags; the method's constant tags are logged like data.</summary>
    private void QueueDefinitionTags(TrackedRun run)
    {
        var tags = run.Definition.Tags;
        if (tags.Count == 0)
        {
            return;
        }

        var data = run.PendingData ??= new List<RunOperation>();
        var constants = new List<RunOperation>(tags.Count);
        for (var i = 0; i < tags.Count; i++)
        {
            constants.Add(RunOperation.Tag(run, tags[i].Key, tags[i].Value));
        }

        data.InsertRange(0, constants);
        _counters.Queued(tags.Count);
    }

    /// <summary>Sends the run's data in log-batch calls, in order. False when the store is unreachable.</summary>
    private async Task<bool> DeliverDataAsync(MlflowClient client, TrackedRun run, string runId, long stopByMs, CancellationToken cancellationToken)
    {
        var pending = run.PendingData;
        if (pending is null)
        {
            return true;
        }

        while (pending.Count > 0)
        {
            if (Stopped(stopByMs))
            {
                return false;
            }

            if (pending[0].Kind == RunOperationKind.Attachment)
            {
                if (!await DeliverAttachmentAsync(client, runId, (RunAttachment)pending[0].Payload!, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                pending.RemoveAt(0);
                continue;
            }

            var count = TakeBatch(pending, out var metrics, out var parameters, out var tags);
            try
            {
                await client.Runs.LogBatchAsync(runId, metrics, parameters, tags, cancellationToken).ConfigureAwait(false);
                pending.RemoveRange(0, count);
                _counters.AddDelivered(count);
            }
            catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
            {
                if (IsTransient(ex))
                {
                    return false;
                }

                // Refused: find the refused items one by one so that the valid rest is kept.
                if (!await DeliverOneByOneAsync(client, run, runId, count, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Uploads one artifact or logs one input; false when the store is unreachable (it stays queued and is retried).</summary>
    private async Task<bool> DeliverAttachmentAsync(MlflowClient client, string runId, RunAttachment attachment, CancellationToken cancellationToken)
    {
        try
        {
            await attachment.DeliverAsync(client, runId, cancellationToken).ConfigureAwait(false);
            _counters.AddDelivered(1);
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            // A local problem, not the store's: checked before IsTransient, which retries other I/O errors.
            _counters.Failure();
            AttachmentLog.LocalPathMissing(_logger, attachment.Describe, runId, attachment.LocalPath ?? string.Empty, ex.GetType().Name);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            if (IsTransient(ex))
            {
                return false;
            }

            AttachmentLog.Refused(_logger, attachment.Describe, runId, (ex as MlflowException)?.ErrorCode ?? ex.GetType().Name, ex.Message);
        }

        _counters.AddRefused(1);
        return true;
    }

    private async Task<bool> DeliverOneByOneAsync(MlflowClient client, TrackedRun run, string runId, int count, CancellationToken cancellationToken)
    {
        var pending = run.PendingData!;
        var settled = 0;
        try
        {
            for (; settled < count; settled++)
            {
                var item = pending[settled];
                try
                {
                    await DeliverItemAsync(client, runId, item, cancellationToken).ConfigureAwait(false);
                    _counters.AddDelivered(1);
                }
                catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
                {
                    if (IsTransient(ex))
                    {
                        return false;
                    }

                    LogRefusedItem(runId, item, ex);
                    _counters.AddRefused(1);
                }
            }
        }
        finally
        {
            pending.RemoveRange(0, settled);
        }

        return true;
    }

    private static Task DeliverItemAsync(MlflowClient client, string runId, in RunOperation item, CancellationToken cancellationToken) => item.Kind switch
    {
        RunOperationKind.Metric => client.Runs.LogMetricAsync(runId, item.Key!, item.Value, item.Timestamp, item.Step, cancellationToken),
        RunOperationKind.Param => client.Runs.LogParamAsync(runId, item.Key!, item.Text!, cancellationToken),
        _ => client.Runs.SetTagAsync(runId, item.Key!, item.Text!, cancellationToken),
    };

    private void LogRefusedItem(string runId, in RunOperation item, Exception error)
    {
        var code = (error as MlflowException)?.ErrorCode ?? error.GetType().Name;
        if (item.Kind == RunOperationKind.Metric)
        {
            // Metric values are numbers, so the store's message is safe to show; param and tag messages can echo values.
            TrackerLog.MetricRefused(_logger, item.Key!, runId, code, error.Message);
        }
        else
        {
            TrackerLog.ItemRefused(_logger, item.Kind == RunOperationKind.Param ? "param" : "tag", item.Key!, runId, code);
        }
    }

    private static int TakeBatch(List<RunOperation> pending, out List<Metric> metrics, out List<Param> parameters, out List<Tag> tags)
    {
        metrics = new List<Metric>();
        parameters = new List<Param>();
        tags = new List<Tag>();
        var taken = 0;
        for (; taken < pending.Count && taken < MaxBatchItems; taken++)
        {
            var item = pending[taken];
            switch (item.Kind)
            {
                case RunOperationKind.Metric when metrics.Count < MaxBatchMetrics:
                    metrics.Add(new Metric(item.Key!, item.Value, item.Timestamp, item.Step));
                    continue;
                case RunOperationKind.Param when parameters.Count < MaxBatchParams:
                    parameters.Add(new Param(item.Key!, item.Text!));
                    continue;
                case RunOperationKind.Tag when tags.Count < MaxBatchTags:
                    tags.Add(new Tag(item.Key!, item.Text!));
                    continue;
            }

            break;
        }

        return taken;
    }

    /// <summary>Counts a failed store call; true when it is transient (keep the data and retry later).</summary>
    private bool IsTransient(Exception exception)
    {
        _counters.Failure();
        if (!DeliveryErrors.IsTransient(exception))
        {
            return false;
        }

        Interlocked.Exchange(ref _lastTransientError, exception);
        return true;
    }
}
