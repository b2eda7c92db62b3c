using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLflow.Tracking.Stores.Rest.Json;

/// <summary>
/// Metric values as MLflow's protobuf JSON has them: NaN and ±Infinity are the strings <c>"NaN"</c>,
/// <c>"Infinity"</c> and <c>"-Infinity"</c> (a bare literal is silently stored as 0 by the server); numbers
/// may also arrive as strings.
/// </summary>
internal sealed class MetricValueConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDouble();
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString() ?? string.Empty;
            switch (text)
            {
                case "NaN":
                case "nan":
                    return double.NaN;
                case "Infinity":
                case "inf":
                    return double.PositiveInfinity;
                case "-Infinity":
                case "-inf":
                    return double.NegativeInfinity;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        throw new JsonException($"A metric value must be a number or \"NaN\"/\"Infinity\"/\"-Infinity\", not {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsNaN(value))
        {
            writer.WriteStringValue("NaN");
        }
        else if (double.IsPositiveInfinity(value))
        {
            writer.WriteStringValue("Infinity");
        }
        else if (double.IsNegativeInfinity(value))
        {
            writer.WriteStringValue("-Infinity");
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }
}
