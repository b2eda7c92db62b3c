using System;
using System.Collections.Generic;
using SQLitePCL;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>
/// Writes metric points fast: one <c>INSERT OR IGNORE</c> prepared once per store on the writer handle and bound
/// by position (see <see cref="SqliteRawStatements"/>), then one upsert of <c>latest_metrics</c> per key with MLflow's rule (higher step wins, then
/// higher timestamp, then higher value). Exact duplicates of a point are kept once, as MLflow's primary key does.
/// </summary>
internal static class SqliteMetricWriter
{
    private const string InsertSql =
        "INSERT OR IGNORE INTO metrics (\"key\", value, timestamp, run_uuid, step, is_nan) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

    private const string LatestUpsert =
        "INSERT INTO latest_metrics (\"key\", value, timestamp, step, is_nan, run_uuid) VALUES ($p0, $p1, $p2, $p3, $p4, $p5) "
        + "ON CONFLICT(\"key\", run_uuid) DO UPDATE SET value = excluded.value, timestamp = excluded.timestamp, step = excluded.step, is_nan = excluded.is_nan "
        + "WHERE excluded.step > latest_metrics.step "
        + "OR (excluded.step = latest_metrics.step AND (excluded.timestamp > COALESCE(latest_metrics.timestamp, 0) "
        + "OR (excluded.timestamp = COALESCE(latest_metrics.timestamp, 0) AND excluded.value > latest_metrics.value)))";

    /// <summary>Writes <paramref name="metrics"/> of <paramref name="runId"/> in the scope's transaction.</summary>
    public static void Write(SqliteWriteScope scope, string runId, IReadOnlyList<Metric> metrics)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        var latest = new Dictionary<string, (double Value, long Timestamp, long Step, bool IsNan)>(StringComparer.Ordinal);
        var insert = scope.Raw.Get(InsertSql);
        scope.Raw.Check(raw.sqlite3_bind_text(insert, 4, runId));
        string? boundKey = null;
        foreach (var metric in metrics)
        {
            var (value, isNan) = SqliteValues.ToStored(metric.Value);
            var timestamp = SqliteValues.ToMillis(metric.Timestamp);
            if (!ReferenceEquals(boundKey, metric.Key))
            {
                // Bindings survive sqlite3_reset: rebind the key only when it changes.
                scope.Raw.Check(raw.sqlite3_bind_text(insert, 1, metric.Key));
                boundKey = metric.Key;
            }

            raw.sqlite3_bind_double(insert, 2, value);
            raw.sqlite3_bind_int64(insert, 3, timestamp);
            raw.sqlite3_bind_int64(insert, 5, metric.Step);
            raw.sqlite3_bind_int(insert, 6, isNan ? 1 : 0);
            scope.Raw.Step(insert);
            if (!latest.TryGetValue(metric.Key, out var best) || IsNewer(metric.Step, timestamp, value, best.Step, best.Timestamp, best.Value))
            {
                latest[metric.Key] = (value, timestamp, metric.Step, isNan);
            }
        }

        var upsert = scope.Command(LatestUpsert, 6);
        foreach (var (key, point) in latest)
        {
            upsert.Parameters[0].Value = key;
            upsert.Parameters[1].Value = point.Value;
            upsert.Parameters[2].Value = point.Timestamp;
            upsert.Parameters[3].Value = point.Step;
            upsert.Parameters[4].Value = point.IsNan ? 1 : 0;
            upsert.Parameters[5].Value = runId;
            upsert.ExecuteNonQuery();
        }
    }

    /// <summary>MLflow's rule for the latest value: (step, timestamp, value) compared in that order.</summary>
    public static bool IsNewer(long step, long timestamp, double value, long otherStep, long otherTimestamp, double otherValue) =>
        step != otherStep ? step > otherStep : timestamp != otherTimestamp ? timestamp > otherTimestamp : value > otherValue;
}
