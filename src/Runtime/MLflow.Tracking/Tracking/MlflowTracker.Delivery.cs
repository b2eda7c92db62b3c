using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Pipeline;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking;

/// <summary>Delivery of one run's queued operations: create, log batches, terminate.</summary>
public sealed partial class MlflowTracker
{
    // MLflow's log-batch limits (the client splits too; staying within them keeps one failure to one batch).
    private const int MaxBatchMetrics = 1000;
    private const int MaxBatchParams = 100;
    private const int MaxBatchTags = 100;
    private const int MaxBatchItems = 1000;

    /// <summary>Delivers what <paramref name="run"/> has queued. False when the store is unreachable.</summary>
    private async Task<bool> DeliverRunAsync(MlflowClient client, TrackedRun run, CancellationToken cancellationToken)
    {
        if (run.NeedsCreate && !await CreateRunAsync(client, run, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (run.KnownRunId is not { } runId)
        {
            // Creation was refused: nothing of this run can be delivered.
            DropRun(run);
            return true;
        }

        if (!await DeliverDataAsync(client, run, runId, cancellationToken).ConfigureAwait(false))
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
                    if (OnFailure(client, ex))
                    {
                        return false;
                    }

                    _logger.LogError(ex, "MLflow refused to end run {RunId} as {Status}; the run stays RUNNING.", runId, status);
                    run.PendingEndStatus = null;
                    CountDroppedFromQueue(1);
                    return true;
                }
            }

            run.PendingEndStatus = null;
            CountDelivered(1);
        }

        return true;
    }

    /// <summary>Creates the run (or, for <c>MLFLOW_RUN_ID</c>, looks it up). False when the store is unreachable.</summary>
    private async Task<bool> CreateRunAsync(MlflowClient client, TrackedRun run, CancellationToken cancellationToken)
    {
        ReportReservedTags(run.Definition);
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
                var experimentId = await ResolveExperimentAsync(client, run.Definition.ExperimentName, cancellationToken).ConfigureAwait(false);
                var created = await client.Runs.CreateAsync(
                    new CreateRunRequest
                    {
                        ExperimentId = experimentId,
                        RunName = run.RunName,
                        StartTime = run.StartTime,
                        UserId = SystemTags.UserName,
                        Tags = CreationTags(run),
                    },
                    cancellationToken).ConfigureAwait(false);
                run.PublishRunId(created.Info.RunId, created.Info.ExperimentId);
            }
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            if (OnFailure(client, ex))
            {
                return false;
            }

            _logger.LogError(ex, "MLflow could not create the run {RunName} of {Source}; its data is dropped.", run.RunName, run.Definition.SourceName);
            run.NeedsCreate = false;
            run.PublishCreationError(ex as MlflowException ?? new MlflowException($"The MLflow run '{run.RunName}' could not be created.", ex));
            CountDroppedFromQueue(1);
            return true;
        }

        run.NeedsCreate = false;
        CountDelivered(1);
        return true;
    }

    private async Task<string> ResolveExperimentAsync(MlflowClient client, string? name, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            if (_options.ExperimentId is { } configuredId)
            {
                return configuredId;
            }

            name = _options.ExperimentName;
            if (name is null)
            {
                return "0";
            }
        }

        if (_experimentIds.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var experiment = await client.Experiments.GetOrCreateAsync(name, cancellationToken).ConfigureAwait(false);
        _experimentIds[name] = experiment.ExperimentId;
        return experiment.ExperimentId;
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
            _logger.LogWarning(
                "Run tag '{Key}' of {Source} is not set: MLflow reserves tag keys starting with 'mlflow.' for its system tags (MLFLOW009). Its runs are recorded without it; use a key of your own.",
                tag.Key,
                definition.SourceName);
        }
    }

    private static List<Tag> CreationTags(TrackedRun run)
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

        if (run.ParentRun?.KnownRunId is { } parentId)
        {
            tags.Add(new Tag(SystemTags.ParentRunId, parentId));
        }

        for (var i = 0; i < definition.Tags.Count; i++)
        {
            tags.Add(definition.Tags[i]);
        }

        return tags;
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
        Interlocked.Add(ref _pending, tags.Count);
        Interlocked.Add(ref _operationsQueued, tags.Count);
    }

    /// <summary>Sends the run's data in log-batch calls, in order. False when the store is unreachable.</summary>
    private async Task<bool> DeliverDataAsync(MlflowClient client, TrackedRun run, string runId, CancellationToken cancellationToken)
    {
        var pending = run.PendingData;
        if (pending is null)
        {
            return true;
        }

        while (pending.Count > 0)
        {
            var count = TakeBatch(pending, out var metrics, out var parameters, out var tags);
            try
            {
                await client.Runs.LogBatchAsync(runId, metrics, parameters, tags, cancellationToken).ConfigureAwait(false);
                pending.RemoveRange(0, count);
                CountDelivered(count);
            }
            catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
            {
                if (OnFailure(client, ex))
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
                    CountDelivered(1);
                }
                catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
                {
                    if (OnFailure(client, ex))
                    {
                        return false;
                    }

                    LogRefusedItem(runId, item, ex);
                    CountDroppedFromQueue(1);
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
        var kind = item.Kind switch
        {
            RunOperationKind.Metric => "metric",
            RunOperationKind.Param => "param",
            _ => "tag",
        };
        var code = (error as MlflowException)?.ErrorCode ?? error.GetType().Name;
        if (item.Kind == RunOperationKind.Metric)
        {
            // Metric values are numbers, so the store's message is safe to show; param and tag messages can echo values.
            _logger.LogWarning("MLflow refused metric '{Key}' of run {RunId} ({ErrorCode}: {Message}); it was dropped.", item.Key, runId, code, error.Message);
        }
        else
        {
            _logger.LogWarning("MLflow refused {Kind} '{Key}' of run {RunId} ({ErrorCode}); it was dropped.", kind, item.Key, runId, code);
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

    /// <summary>Any failure of a store call except the worker being stopped.</summary>
    private static bool IsStoreFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not OutOfMemoryException && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>Counts a failed store call; true when it is transient (keep the data and retry later).</summary>
    private bool OnFailure(MlflowClient client, Exception exception)
    {
        CountFailure();
        if (!DeliveryErrors.IsTransient(exception))
        {
            return false;
        }

        if (Interlocked.Exchange(ref _inOutage, 1) == 0)
        {
            _logger.LogWarning("The MLflow tracking store {Store} is unreachable ({Error}); run data is kept and retried.", client.Store.Description, exception.GetType().Name + ": " + exception.Message);
        }
        else
        {
            _logger.LogDebug("The MLflow tracking store {Store} is still unreachable.", client.Store.Description);
        }

        return true;
    }
}
