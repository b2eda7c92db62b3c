using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking;

/// <summary>What a run clean-up found: the runs it deleted, or with a dry run the runs it would delete.</summary>
/// <param name="Runs">The runs, oldest first.</param>
/// <param name="DryRun">True when nothing was deleted.</param>
public sealed record RunCleanupResult(IReadOnlyList<RunInfo> Runs, bool DryRun)
{
    /// <summary>How many runs were (or would be) deleted.</summary>
    public int Count => Runs.Count;
}

/// <summary>
/// Deletes old runs: <c>client.Runs.DeleteRunsOlderThanAsync(experimentId, TimeSpan.FromDays(30))</c>. Deleting marks
/// runs deleted (MLflow's soft delete; <c>mlflow gc</c> removes them for good), so it can be undone with
/// <see cref="RunsClient.RestoreAsync"/>.
/// </summary>
public static class RunCleanup
{
    /// <summary>
    /// Deletes the active runs of experiment <paramref name="experimentId"/> that started more than
    /// <paramref name="age"/> ago; with <paramref name="dryRun"/> only lists them.
    /// </summary>
    /// <param name="runs">The runs client.</param>
    /// <param name="experimentId">The experiment's id (see the <see cref="MlflowClient"/> overload for names).</param>
    /// <param name="age">How old a run must be (by its start time).</param>
    /// <param name="dryRun">List without deleting.</param>
    /// <param name="cancellationToken">Stops the search or the deletions (runs already deleted stay deleted).</param>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public static Task<RunCleanupResult> DeleteRunsOlderThanAsync(this RunsClient runs, string experimentId, TimeSpan age, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        if (age < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(age), age, "The age must not be negative.");
        }

        return DeleteRunsStartedBeforeAsync(runs, experimentId, DateTimeOffset.UtcNow - age, dryRun, cancellationToken);
    }

    /// <summary>
    /// Deletes the active runs of experiment <paramref name="experimentNameOrId"/> (a name, else an id) that started
    /// more than <paramref name="age"/> ago; with <paramref name="dryRun"/> only lists them.
    /// </summary>
    /// <exception cref="MlflowNotFoundException">No experiment has that name or id.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter, so no call is ambiguous.")]
    public static async Task<RunCleanupResult> DeleteRunsOlderThanAsync(this MlflowClient client, string experimentNameOrId, TimeSpan age, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var experimentId = await ResolveExperimentIdAsync(client, experimentNameOrId, cancellationToken).ConfigureAwait(false);
        return await client.Runs.DeleteRunsOlderThanAsync(experimentId, age, dryRun, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the active runs of experiment <paramref name="experimentId"/> whose start time is before
    /// <paramref name="cutoff"/> (runs without a start time are kept); with <paramref name="dryRun"/> only lists them.
    /// </summary>
    public static async Task<RunCleanupResult> DeleteRunsStartedBeforeAsync(this RunsClient runs, string experimentId, DateTimeOffset cutoff, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentId);

        // Collect first, delete after: deleting while paging would shift the pages under the search.
        var old = new List<RunInfo>();
        var request = new RunSearchRequest { ExperimentIds = [experimentId], ViewType = ViewType.ActiveOnly };
        await foreach (var run in runs.SearchAllAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (run.Info.StartTime is { } started && started < cutoff)
            {
                old.Add(run.Info);
            }
        }

        old.Sort(static (a, b) => Nullable.Compare(a.StartTime, b.StartTime));
        if (!dryRun)
        {
            foreach (var run in old)
            {
                await runs.DeleteAsync(run.RunId, cancellationToken).ConfigureAwait(false);
            }
        }

        return new RunCleanupResult(old, dryRun);
    }

    private static async Task<string> ResolveExperimentIdAsync(MlflowClient client, string experimentNameOrId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentNameOrId);
        var byName = await client.Experiments.FindByNameAsync(experimentNameOrId, cancellationToken).ConfigureAwait(false);
        if (byName is not null)
        {
            return byName.ExperimentId;
        }

        try
        {
            var byId = await client.Experiments.GetAsync(experimentNameOrId, cancellationToken).ConfigureAwait(false);
            return byId.ExperimentId;
        }
        catch (MlflowException e) when (e is MlflowNotFoundException or MlflowInvalidParameterException)
        {
            // A server answers a non-numeric id with INVALID_PARAMETER_VALUE: to the caller both mean "no such experiment".
            throw new MlflowNotFoundException($"No experiment is named '{experimentNameOrId}' or has that id.", innerException: e);
        }
    }
}
