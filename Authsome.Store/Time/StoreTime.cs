namespace Authsome.Store;

/// <summary>
/// Every timestamp the store model holds is UTC with millisecond precision: the finest resolution all
/// four backends keep (BSON dates are milliseconds). Entities normalise on assignment, so what a caller
/// writes is exactly what any backend reads back.
/// </summary>
public static class StoreTime
{
    /// <summary>Converts to UTC and truncates to whole milliseconds.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>Normalises an optional timestamp.</summary>
    public static DateTimeOffset? Normalize(DateTimeOffset? value) => value is { } v ? Normalize(v) : null;

    /// <summary>The provider's current time, normalised.</summary>
    public static DateTimeOffset GetStoreNow(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Normalize(time.GetUtcNow());
    }
}
