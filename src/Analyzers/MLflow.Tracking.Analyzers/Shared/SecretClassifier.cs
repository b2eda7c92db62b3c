using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// Decides whether a logged name, type or member carries a secret. Names match on whole words only, so ML vocabulary
/// (max_tokens, tokenizer, key_dim, author) never fires while password, apiKey or auth_token do.
/// </summary>
internal sealed class SecretClassifier
{
    // A single word that is a secret whatever its type.
    private static readonly ImmutableHashSet<string> SecretWords = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "password", "passwords", "passwd", "pwd", "passphrase", "secret", "secrets", "apikey", "apikeys", "accesskey",
        "privatekey", "credential", "credentials", "connectionstring", "connstr", "bearer", "clientsecret", "secretkey");

    // Two neighbouring words that together name a secret: "api key", "connection string".
    private static readonly ImmutableArray<(string First, string Second)> SecretPairs = ImmutableArray.Create(
        ("api", "key"), ("api", "keys"), ("access", "key"), ("private", "key"), ("signing", "key"), ("encryption", "key"),
        ("auth", "key"), ("connection", "string"), ("conn", "string"), ("conn", "str"), ("client", "secret"),
        ("pass", "phrase"), ("pass", "word"), ("auth", "header"), ("authorization", "header"), ("sas", "key"));

    // Words that are secrets only when the value is text: "token" is also a count in ML ("token_count": int).
    private static readonly ImmutableHashSet<string> StringOnlySecretWords = ImmutableHashSet.Create(
        StringComparer.Ordinal, "token", "accesstoken", "authtoken", "refreshtoken", "authorization", "cookie", "sessionid");

    // Words before "token" that make it an ML vocabulary item ("pad_token", "eos_token", "max_token").
    private static readonly ImmutableHashSet<string> MlTokenQualifiers = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "max", "min", "num", "n", "total", "pad", "eos", "bos", "unk", "sep", "cls", "mask", "start", "end", "stop",
        "special", "first", "last", "next", "input", "output", "prompt", "completion", "vocab", "image", "text", "word", "sub", "per");

    // Words after "token" that make it a measure, not a credential ("token_count", "token_type").
    private static readonly ImmutableHashSet<string> MlTokenMeasures = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "count", "counts", "length", "len", "size", "limit", "limits", "budget", "index", "idx", "ids", "id", "type", "types",
        "num", "number", "dim", "embedding", "embeddings", "vocab", "position", "positions", "offset", "level", "classification");

    private readonly ImmutableHashSet<string> _extraSecretWords;
    private readonly ImmutableHashSet<string> _safeWords;

    public SecretClassifier(IEnumerable<string> extraSecretWords, IEnumerable<string> safeWords)
    {
        _extraSecretWords = Normalize(extraSecretWords);
        _safeWords = Normalize(safeWords);
    }

    public static SecretClassifier Default { get; } = new(Array.Empty<string>(), Array.Empty<string>());

    /// <summary>Returns the reason a name is a secret, or null. <paramref name="isStringLike"/> enables text-only words.</summary>
    public string? ClassifyName(string name, bool isStringLike)
    {
        var words = NameSplitter.Split(name);
        if (words.Count == 0)
        {
            return null;
        }

        var joined = string.Concat(words);
        if (_safeWords.Contains(joined))
        {
            return null;
        }

        if (_extraSecretWords.Contains(joined) || SecretWords.Contains(joined))
        {
            return $"name '{name}'";
        }

        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (_safeWords.Contains(word))
            {
                continue;
            }

            if (SecretWords.Contains(word) || _extraSecretWords.Contains(word))
            {
                return $"the word '{word}'";
            }

            if (i + 1 < words.Count && !_safeWords.Contains(words[i + 1]))
            {
                var pair = (word, words[i + 1]);
                if (SecretPairs.Contains(pair) || _extraSecretWords.Contains(word + words[i + 1]))
                {
                    return $"the words '{word} {words[i + 1]}'";
                }
            }

            if (isStringLike && StringOnlySecretWords.Contains(word))
            {
                var before = i > 0 ? words[i - 1] : null;
                var after = i + 1 < words.Count ? words[i + 1] : null;
                var mlVocabulary = (before is not null && MlTokenQualifiers.Contains(before)) || (after is not null && MlTokenMeasures.Contains(after));
                if (!mlVocabulary)
                {
                    return $"the word '{word}' on a text value";
                }
            }
        }

        return null;
    }

    /// <summary>Types that hold a secret whatever they are called.</summary>
    public static string? ClassifyType(ITypeSymbol? type, KnownTypes known)
    {
        type = UnwrapNullable(type);
        if (type is null)
        {
            return null;
        }

        if (KnownTypes.Is(type, known.SecureString) || KnownTypes.Is(type, known.NetworkCredential) ||
            KnownTypes.IsOrDerivesFrom(type, known.X509Certificate) || KnownTypes.IsOrDerivesFrom(type, known.DbConnectionStringBuilder))
        {
            return $"type '{type.Name}'";
        }

        return null;
    }

    /// <summary>Members marked as sensitive by data classification or [PasswordPropertyText].</summary>
    public static string? ClassifyAttributes(ISymbol symbol, KnownTypes known)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                if (type.Name == "DataClassificationAttribute")
                {
                    return $"data classification [{attribute.AttributeClass!.Name}]";
                }
            }

            if (KnownTypes.Is(attribute.AttributeClass, known.PasswordPropertyText) &&
                !(attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is false))
            {
                return "[PasswordPropertyText]";
            }
        }

        return null;
    }

    /// <summary>All three checks for a symbol (parameter, property, field, local) logged under <paramref name="name"/>.</summary>
    public string? Classify(string name, ISymbol? symbol, ITypeSymbol? type, KnownTypes known) =>
        ClassifyType(type, known) ??
        (symbol is null ? null : ClassifyAttributes(symbol, known)) ??
        ClassifyName(name, IsStringLike(type, known));

    public static bool IsStringLike(ITypeSymbol? type, KnownTypes known)
    {
        type = UnwrapNullable(type);
        if (type is null)
        {
            // Unknown value type (e.g. a key literal alone): assume text, the safe side for secrets.
            return true;
        }

        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Object)
        {
            return true;
        }

        if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte })
        {
            return true;
        }

        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } named &&
            named.TypeArguments[0].SpecialType == SpecialType.System_Char &&
            (KnownTypes.Is(named, known.ReadOnlySpan) || KnownTypes.Is(named, known.Span) ||
             KnownTypes.Is(named, known.ReadOnlyMemory) || KnownTypes.Is(named, known.Memory)))
        {
            return true;
        }

        return KnownTypes.Is(type, known.StringBuilder) || KnownTypes.Is(type, known.SecureString);
    }

    private static ITypeSymbol? UnwrapNullable(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;

    private static ImmutableHashSet<string> Normalize(IEnumerable<string> words) =>
        words.Select(w => string.Concat(NameSplitter.Split(w))).Where(w => w.Length > 0).ToImmutableHashSet(StringComparer.Ordinal);
}
