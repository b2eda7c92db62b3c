using System.Globalization;
using System.Security.Cryptography;

namespace MLflow.Tracking.Stores.Sqlite;

/// <summary>Names runs created without one as MLflow does: <c>adjective-noun-number</c>, such as <c>brave-owl-412</c>.</summary>
internal static class RunNameGenerator
{
    private static readonly string[] Adjectives =
    [
        "able", "bold", "brave", "bright", "calm", "clever", "crisp", "eager", "fair", "fast", "gentle", "glad", "grand",
        "happy", "keen", "kind", "lively", "lucky", "merry", "mild", "neat", "nimble", "proud", "quick", "quiet", "rare",
        "sharp", "shy", "silent", "smart", "steady", "sunny", "swift", "tidy", "vast", "warm", "wise", "young", "zesty",
    ];

    private static readonly string[] Nouns =
    [
        "ant", "bass", "bear", "bee", "crane", "crow", "deer", "dove", "eel", "elk", "finch", "fox", "frog", "goat",
        "hare", "hawk", "heron", "lark", "lion", "lynx", "mole", "moth", "newt", "owl", "panda", "robin", "seal",
        "shark", "sloth", "snail", "stork", "swan", "toad", "trout", "wasp", "whale", "wolf", "wren", "yak",
    ];

    /// <summary>A new random name.</summary>
    public static string Generate() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Adjectives[RandomNumberGenerator.GetInt32(Adjectives.Length)]}-{Nouns[RandomNumberGenerator.GetInt32(Nouns.Length)]}-{RandomNumberGenerator.GetInt32(1000)}");
}
