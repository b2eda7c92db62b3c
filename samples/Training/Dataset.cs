using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Training;

/// <summary>Labelled 2-D points: features and 0/1 labels.</summary>
internal sealed class Dataset
{
    public Dataset(double[][] features, int[] labels)
    {
        Features = features;
        Labels = labels;
    }

    public double[][] Features { get; }

    public int[] Labels { get; }

    public int Count => Labels.Length;

    /// <summary>
    /// How MLflow shows this data as a run input: its name, a digest of its rows (8 hex digits of SHA-256, like
    /// MLflow's own digests), where it came from, its column schema and row count.
    /// </summary>
    public MLflow.Tracking.Datasets.Dataset Describe(string name, string source)
    {
        var rows = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            rows.Append(string.Join(',', Array.ConvertAll(Features[i], f => f.ToString("R", CultureInfo.InvariantCulture))))
                .Append(',').Append(Labels[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rows.ToString())))[..8];
        return new MLflow.Tracking.Datasets.Dataset(name, digest, "local", "{\"uri\": \"" + source + "\"}")
        {
            Schema = "{\"mlflow_colspec\": [{\"type\": \"double\", \"name\": \"x1\"}, {\"type\": \"double\", \"name\": \"x2\"}, {\"type\": \"long\", \"name\": \"label\"}]}",
            Profile = "{\"num_rows\": " + Count.ToString(CultureInfo.InvariantCulture) + "}",
        };
    }

    /// <summary>Reads <c>x1,x2,...,label</c> rows; lines starting with '#' and the header are skipped.</summary>
    public static Dataset Load(string path)
    {
        var features = new List<double[]>();
        var labels = new List<int>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#' || char.IsLetter(line[0]))
            {
                continue;
            }

            var cells = line.Split(',');
            var row = new double[cells.Length - 1];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = double.Parse(cells[i], CultureInfo.InvariantCulture);
            }

            features.Add(row);
            labels.Add(int.Parse(cells[^1], CultureInfo.InvariantCulture));
        }

        return new Dataset(features.ToArray(), labels.ToArray());
    }

    /// <summary>Splits off the last <paramref name="testFraction"/> of the rows (the file is already shuffled).</summary>
    public (Dataset Train, Dataset Test) Split(double testFraction)
    {
        var testCount = (int)Math.Round(Count * testFraction);
        var trainCount = Count - testCount;
        return (
            new Dataset(Features[..trainCount], Labels[..trainCount]),
            new Dataset(Features[trainCount..], Labels[trainCount..]));
    }
}
