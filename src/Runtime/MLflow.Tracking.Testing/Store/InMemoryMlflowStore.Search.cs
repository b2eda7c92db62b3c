using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Testing;

/// <summary>Searches: view type, experiment ids, filter (one swappable step), order, pages.</summary>
public sealed partial class InMemoryMlflowStore
{
    /// <inheritdoc/>
    public Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        StoreRules.ValidateMaxResults(request.MaxResults);
        var offset = StoreRules.DecodePageToken(request.PageToken);
        var matches = SimpleSearchFilter.ForExperiments(request.Filter);
        var found = new List<Experiment>();
        lock (_gate)
        {
            foreach (var experiment in _experimentOrder)
            {
                if (InView(experiment.Stage, request.ViewType))
                {
                    found.Add(experiment.ToModel());
                }
            }
        }

        found = found.FindAll(e => matches(e));
        found.Sort(ExperimentOrder(request.OrderBy));
        return Task.FromResult(Paginate(found, offset, request.MaxResults));
    }

    /// <inheritdoc/>
    public Task<Page<Run>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        StoreRules.ValidateMaxResults(request.MaxResults);
        var offset = StoreRules.DecodePageToken(request.PageToken);
        var matches = SimpleSearchFilter.ForRuns(request.Filter);
        var experimentIds = new HashSet<string>(request.ExperimentIds ?? Array.Empty<string>(), StringComparer.Ordinal);
        var found = new List<(Run Run, long Sequence)>();
        lock (_gate)
        {
            foreach (var run in _runOrder)
            {
                if (experimentIds.Contains(run.ExperimentId) && InView(run.Stage, request.ViewType))
                {
                    found.Add((run.ToModel(), run.Sequence));
                }
            }
        }

        found = found.FindAll(r => matches(r.Run));
        found.Sort(RunOrder(request.OrderBy));
        var runs = found.ConvertAll(r => r.Run);
        return Task.FromResult(Paginate(runs, offset, request.MaxResults));
    }

    private static bool InView(LifecycleStage stage, ViewType view) => view switch
    {
        ViewType.ActiveOnly => stage == LifecycleStage.Active,
        ViewType.DeletedOnly => stage == LifecycleStage.Deleted,
        _ => true,
    };

    private static Comparison<Experiment> ExperimentOrder(IReadOnlyList<string>? orderBy)
    {
        var clauses = ParseOrder(orderBy);
        return (a, b) =>
        {
            foreach (var (key, descending) in clauses)
            {
                var c = CompareValues(ExperimentKey(a, key), ExperimentKey(b, key));
                if (c != 0)
                {
                    return descending ? -c : c;
                }
            }

            // MLflow's default: newest first, then by id.
            var byTime = Nullable.Compare(b.CreationTime, a.CreationTime);
            return byTime != 0 ? byTime : CompareIds(a.ExperimentId, b.ExperimentId);
        };
    }

    private static Comparison<(Run Run, long Sequence)> RunOrder(IReadOnlyList<string>? orderBy)
    {
        var clauses = ParseOrder(orderBy);
        return (a, b) =>
        {
            foreach (var (key, descending) in clauses)
            {
                var c = CompareValues(RunKey(a.Run, key), RunKey(b.Run, key));
                if (c != 0)
                {
                    return descending ? -c : c;
                }
            }

            // MLflow's default: newest start time first, then run id; creation order breaks ties of equal times.
            var byTime = Nullable.Compare(b.Run.Info.StartTime, a.Run.Info.StartTime);
            return byTime != 0 ? byTime : b.Sequence.CompareTo(a.Sequence);
        };
    }

    private static List<(string Key, bool Descending)> ParseOrder(IReadOnlyList<string>? orderBy)
    {
        var clauses = new List<(string, bool)>();
        foreach (var clause in orderBy ?? Array.Empty<string>())
        {
            var parts = clause.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2 || (parts.Length == 2 && !parts[1].Equals("ASC", StringComparison.OrdinalIgnoreCase) && !parts[1].Equals("DESC", StringComparison.OrdinalIgnoreCase)))
            {
                throw new MlflowInvalidParameterException($"Invalid order_by clause '{clause}'.");
            }

            clauses.Add((parts[0], parts.Length == 2 && parts[1].Equals("DESC", StringComparison.OrdinalIgnoreCase)));
        }

        return clauses;
    }

    private static object? ExperimentKey(Experiment experiment, string key) => key switch
    {
        "name" => experiment.Name,
        "experiment_id" => long.Parse(experiment.ExperimentId, CultureInfo.InvariantCulture),
        "creation_time" => experiment.CreationTime?.ToUnixTimeMilliseconds(),
        "last_update_time" => experiment.LastUpdateTime?.ToUnixTimeMilliseconds(),
        _ => throw new MlflowInvalidParameterException($"Invalid order_by key '{key}'."),
    };

    private static object? RunKey(Run run, string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var entity = dot < 0 ? "attributes" : key[..dot];
        var name = dot < 0 ? key : key[(dot + 1)..].Trim('`');
        switch (entity)
        {
            case "metrics" or "metric":
                foreach (var metric in run.Data.Metrics)
                {
                    if (metric.Key == name)
                    {
                        return metric.Value;
                    }
                }

                return null;
            case "params" or "param":
                return run.Data.Params.GetValueOrDefault(name);
            case "tags" or "tag":
                return run.Data.Tags.GetValueOrDefault(name);
            default:
                return name switch
                {
                    "start_time" => run.Info.StartTime?.ToUnixTimeMilliseconds(),
                    "end_time" => run.Info.EndTime?.ToUnixTimeMilliseconds(),
                    "run_name" => run.Info.RunName,
                    "run_id" => run.Info.RunId,
                    "status" => run.Info.Status.ToString(),
                    _ => throw new MlflowInvalidParameterException($"Invalid order_by key '{key}'."),
                };
        }
    }

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1, // missing values sort last, as in MLflow
        (_, null) => -1,
        (double x, double y) => x.CompareTo(y),
        (long x, long y) => x.CompareTo(y),
        _ => string.CompareOrdinal(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture)),
    };

    private static int CompareIds(string a, string b) =>
        long.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) && long.TryParse(b, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);
}
