using System;
using System.Collections.Generic;
using System.Globalization;

namespace MLflow.Tracking.Datasets;

/// <summary>MLflow's limits for dataset inputs (<c>_validate_dataset_inputs</c>), checked before anything is sent.</summary>
internal static class DatasetValidation
{
    public static void Validate(IReadOnlyList<DatasetInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input);
            var dataset = input.Dataset ?? throw new MlflowInvalidParameterException("A dataset input has no dataset.");
            Require(dataset.Name, "name", Dataset.MaxNameLength, dataset.Name);
            Limit(dataset.Digest, "digest", Dataset.MaxDigestLength, dataset.Name);
            Require(dataset.SourceType, "source_type", Dataset.MaxSourceTypeLength, dataset.Name);
            Require(dataset.Source, "source", Dataset.MaxSourceLength, dataset.Name);
            Limit(dataset.Schema, "schema", Dataset.MaxSchemaLength, dataset.Name);
            Limit(dataset.Profile, "profile", Dataset.MaxProfileLength, dataset.Name);
            foreach (var tag in input.Tags ?? Array.Empty<Tag>())
            {
                Require(tag.Key, "input tag key", DatasetInput.MaxTagKeyLength, dataset.Name);
                Require(tag.Value, $"value of input tag '{tag.Key}'", DatasetInput.MaxTagValueLength, dataset.Name);
            }
        }
    }

    private static void Require(string? value, string field, int max, string? dataset)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new MlflowInvalidParameterException($"Dataset '{dataset}': {field} must be a non-empty string.");
        }

        Limit(value, field, max, dataset);
    }

    private static void Limit(string? value, string field, int max, string? dataset)
    {
        if (value is not null && value.Length > max)
        {
            throw new MlflowInvalidParameterException($"Dataset '{dataset}': {field} has {value.Length.ToString(CultureInfo.InvariantCulture)} characters; MLflow allows at most {max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
