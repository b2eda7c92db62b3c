using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Search;

namespace MLflow.Tracking.Testing;

/// <summary>
/// Searches: view type, experiment ids, then MLflow's filter, order_by and page tokens through the runtime's shared
/// parsers and evaluators, so the fake answers exactly as the SQLite store (and MLflow's SQL store) does.
/// </summary>
public sealed partial class InMemoryMlflowStore
{
    /// <inheritdoc/>
    public override Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            // MLflow checks max_results before anything else (transcript 028: no max_results and a bad token
            // fails on max_results).
            StoreRules.ValidateMaxResults(request.MaxResults);
            var filter = SearchFilterParser.ParseExperimentFilter(request.Filter);
            var orders = SearchOrderParser.ParseExperimentOrder(request.OrderBy);
            var offset = PageToken.Decode(request.PageToken);
            var candidates = new List<Experiment>();
            lock (_gate)
            {
                foreach (var experiment in _experimentOrder)
                {
                    if (InView(experiment.Stage, request.ViewType))
                    {
                        candidates.Add(experiment.ToModel());
                    }
                }
            }

            var found = ExperimentFilterEvaluator.FilterAndSort(candidates, filter, orders);
            return Task.FromResult(Paginate(found, offset, request.MaxResults));
        }
        catch (MlflowException e)
        {
            return Task.FromException<Page<Experiment>>(e);
        }
    }

    /// <inheritdoc/>
    public override Task<Page<Run>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            StoreRules.ValidateMaxResults(request.MaxResults);
            var filter = SearchFilterParser.ParseRunFilter(request.Filter);
            var orders = SearchOrderParser.ParseRunOrder(request.OrderBy);
            var offset = PageToken.Decode(request.PageToken);

            // Experiment ids compare as numbers, as in the SQL store ("007" finds experiment 7; non-numbers find nothing).
            var experimentIds = new HashSet<long>();
            foreach (var id in request.ExperimentIds ?? Array.Empty<string>())
            {
                if (long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    experimentIds.Add(parsed);
                }
            }

            var candidates = new List<Run>();
            lock (_gate)
            {
                foreach (var run in _runOrder)
                {
                    if (long.TryParse(run.ExperimentId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var experimentId)
                        && experimentIds.Contains(experimentId)
                        && InView(run.Stage, request.ViewType))
                    {
                        candidates.Add(run.ToModel());
                    }
                }
            }

            var found = RunFilterEvaluator.FilterAndSort(candidates, filter, orders);
            return Task.FromResult(Paginate(found, offset, request.MaxResults));
        }
        catch (MlflowException e)
        {
            return Task.FromException<Page<Run>>(e);
        }
    }

    private static bool InView(LifecycleStage stage, ViewType view) => view switch
    {
        ViewType.DeletedOnly => stage == LifecycleStage.Deleted,
        ViewType.All => true,
        _ => stage == LifecycleStage.Active,
    };

    private static Page<T> Paginate<T>(IReadOnlyList<T> items, long offset, int maxResults)
    {
        var start = (int)Math.Min(offset, items.Count);
        var count = Math.Min(maxResults, items.Count - start);
        var page = items.Skip(start).Take(count).ToList();
        return new Page<T>(page, start + count < items.Count ? PageToken.Encode(start + count) : null);
    }
}
