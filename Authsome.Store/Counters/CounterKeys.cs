namespace Authsome.Store;

/// <summary>Argument checks every <see cref="ICounterStore"/> backend shares.</summary>
internal static class CounterKeys
{
    /// <summary>Refuses a key that the reset before its increment would delete (<see cref="ICounterStore.ResetAndIncrementAsync"/>).</summary>
    public static void EnsureOutside(string resetPrefix, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(resetPrefix);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.StartsWith(resetPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("The counter to increment must not start with the prefix being reset.", nameof(key));
        }
    }
}
