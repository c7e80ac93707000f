using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Authsome.Store;

/// <summary>
/// The identifier of one entity of type <typeparamref name="T"/>: a TypeID (<c>prefix_</c> followed by
/// 26 Crockford base32 characters of a UUIDv7). Ids of different entities are different types, so an
/// <c>Id&lt;User&gt;</c> cannot be passed where an <c>Id&lt;App&gt;</c> is expected. Ids sort by creation time,
/// as values and as strings, also among ids one process makes within one millisecond.
/// </summary>
[JsonConverter(typeof(IdJsonConverterFactory))]
public readonly struct Id<T> : IEquatable<Id<T>>, IComparable<Id<T>>, IParsable<Id<T>>, ISpanFormattable
    where T : IHasIdPrefix
{
    /// <summary>Wraps an existing UUID (for backends that store ids as UUIDs).</summary>
    public Id(Guid value) => Value = value;

    /// <summary>The UUID the id encodes.</summary>
    public Guid Value { get; }

    /// <summary>The prefix every id of this entity carries.</summary>
    public static string Prefix => T.IdPrefix;

    /// <summary>True for <c>default</c>, which names no entity.</summary>
    public bool IsEmpty => Value == Guid.Empty;

    /// <summary>A new id whose time part is now.</summary>
    public static Id<T> New() => New(DateTimeOffset.UtcNow);

    /// <summary>A new id whose time part is <paramref name="at"/> (use the engine's <see cref="TimeProvider"/>).</summary>
    public static Id<T> New(DateTimeOffset at) => new(UuidV7.New(at));

    /// <summary>Parses the TypeID form; throws <see cref="FormatException"/> when it is not an id of this entity.</summary>
    public static Id<T> Parse(string s) => Parse(s, null);

    /// <inheritdoc />
    public static Id<T> Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, provider, out var id)
            ? id
            : throw new FormatException($"'{Truncate(s)}' is not a valid {T.IdPrefix} id.");
    }

    /// <summary>Parses the TypeID form.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out Id<T> result) => TryParse(s, null, out result);

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Id<T> result)
    {
        if (s is not null && TypeIdCodec.TryParse(s, T.IdPrefix, out var value))
        {
            result = new Id<T>(value);
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => TypeIdCodec.Format(T.IdPrefix, Value);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = ToString();
        if (text.TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(Id<T> other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Id<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Id<T> other) => string.CompareOrdinal(ToString(), other.ToString());

#pragma warning disable CS1591 // operators are self-describing
    public static bool operator ==(Id<T> left, Id<T> right) => left.Equals(right);
    public static bool operator !=(Id<T> left, Id<T> right) => !left.Equals(right);
    public static bool operator <(Id<T> left, Id<T> right) => left.CompareTo(right) < 0;
    public static bool operator >(Id<T> left, Id<T> right) => left.CompareTo(right) > 0;
    public static bool operator <=(Id<T> left, Id<T> right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Id<T> left, Id<T> right) => left.CompareTo(right) >= 0;
#pragma warning restore CS1591

    // Echoing attacker-sized input into an exception message is how logs fill up.
    private static string Truncate(string s) => s.Length <= 64 ? s : string.Concat(s.AsSpan(0, 64), "…");
}
