using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>
/// Writes metric points fast: multi-row <c>INSERT OR IGNORE</c> statements of up to 100 rows, prepared once per
/// store and reused, then one upsert of <c>latest_metrics</c> per key with MLflow's rule (higher step wins, then
/// higher timestamp, then higher value). Exact duplicates of a point are kept once, as MLflow's primary key does.
/// </summary>
internal static class SqliteMetricWriter
{
    private const int RowsPerStatement = 100;
    private const int ColumnsPerRow = 6;

    private const string LatestUpsert =
        "INSERT INTO latest_metrics (\"key\", value, timestamp, step, is_nan, run_uuid) VALUES ($p0, $p1, $p2, $p3, $p4, $p5) "
        + "ON CONFLICT(\"key\", run_uuid) DO UPDATE SET value = excluded.value, timestamp = excluded.timestamp, step = excluded.step, is_nan = excluded.is_nan "
        + "WHERE excluded.step > latest_metrics.step "
        + "OR (excluded.step = latest_metrics.step AND (excluded.timestamp > COALESCE(latest_metrics.timestamp, 0) "
        + "OR (excluded.timestamp = COALESCE(latest_metrics.timestamp, 0) AND excluded.value > latest_metrics.value)))";

    private static readonly string?[] InsertSql = new string?[RowsPerStatement + 1];

    /// <summary>Writes <paramref name="metrics"/> of <paramref name="runId"/> in the scope's transaction.</summary>
    public static void Write(SqliteWriteScope scope, string runId, IReadOnlyList<Metric> metrics)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        var latest = new Dictionary<string, (double Value, long Timestamp, long Step, bool IsNan)>(StringComparer.Ordinal);
        for (var offset = 0; offset < metrics.Count; offset += RowsPerStatement)
        {
            var rows = Math.Min(RowsPerStatement, metrics.Count - offset);
            var command = scope.Command(GetInsertSql(rows), rows * ColumnsPerRow);
            var parameters = command.Parameters;
            for (var row = 0; row < rows; row++)
            {
                var metric = metrics[offset + row];
                var (value, isNan) = SqliteValues.ToStored(metric.Value);
                var timestamp = SqliteValues.ToMillis(metric.Timestamp);
                var p = row * ColumnsPerRow;
                parameters[p].Value = metric.Key;
                parameters[p + 1].Value = value;
                parameters[p + 2].Value = timestamp;
                parameters[p + 3].Value = runId;
                parameters[p + 4].Value = metric.Step;
                parameters[p + 5].Value = isNan ? 1 : 0;
                if (!latest.TryGetValue(metric.Key, out var best) || IsNewer(metric.Step, timestamp, value, best.Step, best.Timestamp, best.Value))
                {
                    latest[metric.Key] = (value, timestamp, metric.Step, isNan);
                }
            }

            command.ExecuteNonQuery();
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

    private static string GetInsertSql(int rows)
    {
        var sql = InsertSql[rows];
        if (sql is not null)
        {
            return sql;
        }

        var builder = new StringBuilder("INSERT OR IGNORE INTO metrics (\"key\", value, timestamp, run_uuid, step, is_nan) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            if (row > 0)
            {
                builder.Append(", ");
            }

            builder.Append('(');
            for (var column = 0; column < ColumnsPerRow; column++)
            {
                if (column > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(SqliteWriteScope.SqlParameterName((row * ColumnsPerRow) + column));
            }

            builder.Append(')');
        }

        sql = builder.ToString();
        InsertSql[rows] = sql;
        return sql;
    }
}
