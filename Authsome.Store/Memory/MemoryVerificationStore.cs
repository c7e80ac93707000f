namespace Authsome.Store.Memory;

internal sealed class MemoryVerificationStore(MemoryState state) : IVerificationStore
{
    private MemoryTable<Verification> Verifications => state.Verifications;

    public ValueTask CreateAsync(Verification verification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return state.Run(() => Verifications.Insert(verification), cancellationToken);
    }

    public ValueTask<Verification?> GetAsync(Id<Verification> id, CancellationToken cancellationToken) =>
        state.Run(() => Verifications.Get(id), cancellationToken);

    public ValueTask<Verification?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        state.Run(() => Verifications.Find(state.VerificationsByToken, tokenHash), cancellationToken);

    public ValueTask<Verification?> GetActiveAsync(Id<User> userId, VerificationType type, DateTimeOffset now, CancellationToken cancellationToken) =>
        state.Run(
            () => Verifications.Rows
                .Where(v => v.UserId == userId && v.Type == type && IsOutstanding(v, now))
                .OrderByDescending(v => v.CreatedAt)
                .ThenByDescending(v => v.Id)
                .FirstOrDefault(),
            cancellationToken);

    public ValueTask<int> IncrementAttemptsAsync(Id<Verification> id, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                if (Verifications.Get(id) is not { } stored)
                {
                    return 0;
                }

                var attempts = stored.Attempts + 1;
                Verifications.Replace(stored with { Attempts = attempts });
                return attempts;
            },
            cancellationToken);

    public ValueTask<bool> ConsumeAsync(Id<Verification> id, DateTimeOffset now, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                if (Verifications.Get(id) is not { } stored || !IsOutstanding(stored, now))
                {
                    return false;
                }

                Verifications.Replace(stored with { ConsumedAt = now });
                return true;
            },
            cancellationToken);

    public ValueTask<int> ConsumeAllAsync(Id<User> userId, VerificationType type, DateTimeOffset now, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                var outstanding = Verifications.Rows.Where(v => v.UserId == userId && v.Type == type && IsOutstanding(v, now)).ToList();
                foreach (var verification in outstanding)
                {
                    Verifications.Replace(verification with { ConsumedAt = now });
                }

                return outstanding.Count;
            },
            cancellationToken);

    private static bool IsOutstanding(Verification verification, DateTimeOffset now) =>
        verification.ConsumedAt is null && verification.ExpiresAt > now;
}
