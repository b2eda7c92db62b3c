// mlflow-cleanup: deletes (soft-deletes) old runs of an experiment, and delivers a tracker's spool on demand.
//   dotnet run --project samples/Cleanup -- --experiment training --older-than 30d --dry-run
//   dotnet run --project samples/Cleanup -- replay-spool --tracking-uri http://localhost:5000
// The store comes from MLFLOW_TRACKING_URI (else sqlite:///mlflow.db), or --tracking-uri.
using System;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Cleanup;
using MLflow.Tracking;

var experiment = new Option<string>("--experiment", "-e") { Description = "The experiment's name or id.", Required = true };
var olderThan = new Option<string>("--older-than") { Description = "Delete runs started longer ago than this: 30d, 12h, 90m, 2w.", Required = true };
var dryRun = new Option<bool>("--dry-run") { Description = "List the runs that would be deleted, delete nothing." };
var trackingUri = new Option<string?>("--tracking-uri") { Description = "Overrides MLFLOW_TRACKING_URI." };

var root = new RootCommand("Deletes old MLflow runs (MLflow's soft delete: `mlflow gc` removes them for good).")
{
    experiment,
    olderThan,
    dryRun,
    trackingUri,
};

root.SetAction(async (parse, cancellationToken) =>
{
    var ageText = parse.GetValue(olderThan)!;
    if (!AgeParser.TryParse(ageText, out var age))
    {
        Console.Error.WriteLine($"--older-than '{ageText}' is not an age: use a number and d, h, m or w (30d).");
        return 2;
    }

    var options = MlflowOptions.FromEnvironment();
    options.TrackingUri = parse.GetValue(trackingUri) ?? options.TrackingUri;
    await using var client = new MlflowClient(options);
    try
    {
        var result = await client.DeleteRunsOlderThanAsync(parse.GetValue(experiment)!, age, parse.GetValue(dryRun), cancellationToken);
        foreach (var run in result.Runs)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run.RunId}  {run.StartTime:yyyy-MM-dd HH:mm}  {run.Status,-8}  {run.RunName}"));
        }

        Console.WriteLine(result.DryRun ? $"{result.Count} run(s) would be deleted (dry run)." : $"{result.Count} run(s) deleted.");
        return 0;
    }
    catch (MlflowException e)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
});

// What trackers spooled to disk because the store could not take it in time (docs/run-pipeline.md, "The spool").
// The next tracker for the store delivers it on its own; this does it now, e.g. after an outage, from a cron job.
var replayUri = new Option<string?>("--tracking-uri") { Description = "Overrides MLFLOW_TRACKING_URI." };
var spoolDirectory = new Option<string?>("--spool-directory") { Description = "Overrides MlflowOptions.SpoolDirectory (the default folder under local application data)." };
var replay = new Command("replay-spool", "Delivers the run data trackers spooled locally for this store; exits 1 while files are left.")
{
    replayUri,
    spoolDirectory,
};
replay.SetAction(async (parse, cancellationToken) =>
{
    var options = MlflowOptions.FromEnvironment();
    options.TrackingUri = parse.GetValue(replayUri) ?? options.TrackingUri;
    options.SpoolDirectory = parse.GetValue(spoolDirectory) ?? options.SpoolDirectory;

    // The replay waits for every file on its own; this bounds only the closing flush when the store stopped
    // answering (what was claimed then is written back to the spool at once).
    options.FlushTimeout = TimeSpan.FromSeconds(1);
    await using var tracker = new BackgroundRunTracker(options);
    if (!tracker.IsEnabled)
    {
        Console.Error.WriteLine(tracker.DisabledReason);
        return 2;
    }

    var result = await tracker.ReplaySpoolAsync(cancellationToken);
    Console.WriteLine($"{result.Files} spool file(s) replayed: {result.Runs} run(s), {result.Operations} operation(s); {result.Remaining} file(s) left.");
    return result.Remaining == 0 ? 0 : 1;
});
root.Subcommands.Add(replay);

return await root.Parse(args).InvokeAsync();
