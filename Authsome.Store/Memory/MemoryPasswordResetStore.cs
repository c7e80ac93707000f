namespace Authsome.Store.Memory;

internal sealed class MemoryPasswordResetStore(MemoryState state) : IPasswordResetStore
{
    private MemoryTable<PasswordReset> Resets => state.PasswordResets;

    public ValueTask CreateAsync(PasswordReset reset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reset);
        return state.Run(() => Resets.Insert(reset), cancellationToken);
    }

    public ValueTask<PasswordReset?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        state.Run(() => Resets.Find(state.PasswordResetsByToken, tokenHash), cancellationToken);

    public ValueTask<bool> ConsumeAsync(Id<PasswordReset> id, DateTimeOffset now, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                if (Resets.Get(id) is not { } stored || !IsOutstanding(stored, now))
                {
                    return false;
                }

                Resets.Replace(stored with { ConsumedAt = now });
                return true;
            },
            cancellationToken);

    public ValueTask<int> ConsumeAllAsync(Id<User> userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                var outstanding = Resets.Rows.Where(r => r.UserId == userId && IsOutstanding(r, now)).ToList();
                foreach (var reset in outstanding)
                {
                    Resets.Replace(reset with { ConsumedAt = now });
                }

                return outstanding.Count;
            },
            cancellationToken);

    private static bool IsOutstanding(PasswordReset reset, DateTimeOffset now) =>
        reset.ConsumedAt is null && reset.ExpiresAt > now;
}
