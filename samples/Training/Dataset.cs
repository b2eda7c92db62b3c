using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

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
