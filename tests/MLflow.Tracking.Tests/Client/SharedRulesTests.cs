using System;
using System.Globalization;
using System.Numerics;
using MLflow.Tracking.Shared;

namespace MLflow.Tracking.Tests.Client;

/// <summary>
/// The shared key rule (runtime, test fake and MLFLOW005 compile the same file) against MLflow's own:
/// <c>re.match(r"^[/\w.\- :]*$")</c> with Python's Unicode <c>\w</c>, then path normalization, then length.
/// </summary>
public sealed class SharedRulesTests
{
    [Theory]
    [InlineData("précision")]
    [InlineData("精度")]
    [InlineData("x²")] // Python's \w takes every numeric character (str.isalnum), not only decimal digits.
    [InlineData("Ⅻ")]
    [InlineData("\U0001D4B3")] // a letter outside the BMP: one code point, two UTF-16 units.
    [InlineData("lr\n")] // Python's '$' matches before one final newline.
    public void Keys_MLflow_accepts_are_accepted(string key) => Assert.Equal(KeyProblem.None, MlflowKeyRules.Check(key, out _));

    [Theory]
    [InlineData("bad key!", "BadCharacters")]
    [InlineData("e\u0301", "BadCharacters")] // a combining mark is not alphanumeric in Python.
    [InlineData("a\u203Fb", "BadCharacters")] // connector punctuation other than '_' is not \w in Python.
    [InlineData("smile\U0001F600", "BadCharacters")]
    [InlineData("a\n\n", "BadCharacters")]
    [InlineData("a/../b", "NotUniquePath")]
    [InlineData("", "Missing")]
    public void Keys_MLflow_refuses_are_refused_for_MLflow_s_reason(string key, string expected) =>
        Assert.Equal(expected, MlflowKeyRules.Check(key, out _).ToString());

    [Fact]
    public void Characters_are_checked_before_length_as_MLflow_does()
    {
        Assert.Equal(KeyProblem.BadCharacters, MlflowKeyRules.Check(new string('k', 300) + "!", out _));
        Assert.Equal(KeyProblem.TooLong, MlflowKeyRules.Check(new string('k', 251), out _));
    }

    [Fact]
    public void Server_texts_are_the_recorded_ones()
    {
        // transcripts/mlflow-3.5-sqlite/059 and 100.
        Assert.Equal(
            "Invalid value \"a/../b\" for parameter 'key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to 'b'",
            MlflowErrorTexts.NotUniquePath("a/../b", "key", "b"));
        Assert.Equal(
            "A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.",
            MlflowErrorTexts.BatchTooLarge("metrics", MlflowLimits.MaxMetricsPerBatch, 1001));
    }

    [Theory]
    [InlineData(0.1f, "0.1")]
    [InlineData(1e-7f, "1E-07")]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void Floats_are_formatted_as_floats(float value, string expected) => Assert.Equal(expected, MlflowValueFormatter.Format(value));

    [Fact]
    public void Dates_times_and_big_integers_are_ISO_8601_and_by_value_in_any_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal("2024-01-02", MlflowValueFormatter.Format(new DateOnly(2024, 1, 2)));
            Assert.Equal("14:30:05", MlflowValueFormatter.Format(new TimeOnly(14, 30, 5)));
            Assert.Equal("14:30:05.0000001", MlflowValueFormatter.Format(new TimeOnly(14, 30, 5).Add(TimeSpan.FromTicks(1))));
            Assert.Equal("1267650600228229401496703205376", MlflowValueFormatter.Format(BigInteger.Pow(2, 100)));
            Assert.Equal("0.5", MlflowValueFormatter.Format(0.5m));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
