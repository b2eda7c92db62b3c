using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.Extensions.Options;

namespace MLflow.Tracking.DependencyInjection;

/// <summary>
/// Checks <see cref="MlflowOptions"/> when the host starts (<c>ValidateOnStart</c>), so a wrong tracking URI or a
/// negative retry count stops start-up with a message naming the setting, instead of failing runs later.
/// Messages never contain credentials.
/// </summary>
internal sealed class MlflowOptionsValidator : IValidateOptions<MlflowOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MlflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        try
        {
            _ = TrackingUri.Parse(options.TrackingUri);
        }
        catch (ArgumentException e)
        {
            failures.Add($"MLflow:TrackingUri is invalid. {TrackingUri.ReasonOf(e)}");
        }

        if (options.MaxRetries < 0)
        {
            failures.Add($"MLflow:MaxRetries must be 0 or more, but is {Format(options.MaxRetries)}.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"MLflow:RequestTimeout must be positive, but is {options.RequestTimeout.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        if (options.FlushTimeout < TimeSpan.Zero)
        {
            failures.Add($"MLflow:FlushTimeout must not be negative, but is {options.FlushTimeout.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        if (options.BatchInterval <= TimeSpan.Zero)
        {
            failures.Add($"MLflow:BatchInterval must be positive, but is {options.BatchInterval.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        if (options.BackoffFactor < 0 || double.IsNaN(options.BackoffFactor))
        {
            failures.Add($"MLflow:BackoffFactor must be 0 or more, but is {Format(options.BackoffFactor)}.");
        }

        if (options.BackoffJitter < 0 || double.IsNaN(options.BackoffJitter))
        {
            failures.Add($"MLflow:BackoffJitter must be 0 or more, but is {Format(options.BackoffJitter)}.");
        }

        if (options.MaxQueueLength <= 0)
        {
            failures.Add($"MLflow:MaxQueueLength must be at least 1, but is {Format(options.MaxQueueLength)}.");
        }

        if (options.DeliveryConcurrency <= 0)
        {
            failures.Add($"MLflow:DeliveryConcurrency must be at least 1, but is {Format(options.DeliveryConcurrency)}.");
        }

        if (options.ExperimentName is { Length: > 500 })
        {
            failures.Add($"MLflow:ExperimentName must be at most 500 characters, but has {Format(options.ExperimentName.Length)}.");
        }

        if ((options.Username is null) != (options.Password is null))
        {
            failures.Add("MLflow:Username and MLflow:Password must be set together (Basic authentication).");
        }

        if (!string.IsNullOrWhiteSpace(options.ServerCertPath) && !File.Exists(options.ServerCertPath))
        {
            failures.Add($"MLflow:ServerCertPath names no file: '{options.ServerCertPath}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
