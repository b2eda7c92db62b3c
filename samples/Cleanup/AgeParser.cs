using System;
using System.Globalization;

namespace Cleanup;

/// <summary>Parses ages such as <c>30d</c>, <c>12h</c>, <c>90m</c>, <c>2w</c>.</summary>
internal static class AgeParser
{
    public static bool TryParse(string text, out TimeSpan age)
    {
        age = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
        {
            return false;
        }

        var unit = char.ToLowerInvariant(text[^1]);
        if (!double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount < 0)
        {
            return false;
        }

        TimeSpan? parsed = unit switch
        {
            'w' => TimeSpan.FromDays(amount * 7),
            'd' => TimeSpan.FromDays(amount),
            'h' => TimeSpan.FromHours(amount),
            'm' => TimeSpan.FromMinutes(amount),
            _ => null,
        };
        age = parsed ?? default;
        return parsed is not null;
    }
}
