using Authsome.Store;

namespace Authsome.Plugins.Passkeys.Store;

/// <summary>The passkey store in process memory, beside the in-memory store; one lock makes each operation atomic.</summary>
internal sealed class MemoryPasskeyStore : IPasskeyStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<Id<Passkey>, Passkey> passkeys = [];
    private readonly Dictionary<SecretHash, PasskeyChallenge> challenges = [];

    public async ValueTask CreateAsync(Passkey passkey, CancellationToken cancellationToken) => await Run(() =>
    {
        if (passkeys.ContainsKey(passkey.Id) || passkeys.Values.Any(p => p.CredentialId.AsSpan().SequenceEqual(passkey.CredentialId)))
        {
            throw new StoreConflictException(ConflictKind.Duplicate, "passkey");
        }

        passkeys.Add(passkey.Id, passkey);
        return true;
    });

    public ValueTask<Passkey?> GetAsync(Id<Passkey> id, CancellationToken cancellationToken) => Run(() => passkeys.GetValueOrDefault(id));

    public ValueTask<Passkey?> GetByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        Run(() => passkeys.Values.FirstOrDefault(p => p.CredentialId.AsSpan().SequenceEqual(credentialId)));

    public ValueTask<IReadOnlyList<Passkey>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<Passkey>>(() => [.. passkeys.Values.Where(p => p.UserId == userId).OrderBy(p => p.Id)]);

    public ValueTask<bool> RenameAsync(Id<Passkey> id, string name, DateTimeOffset at, CancellationToken cancellationToken) =>
        Swap(id, _ => true, p => p with { Name = name, UpdatedAt = at });

    public ValueTask<bool> RecordUseAsync(Id<Passkey> id, long expectedSignCount, long signCount, bool backedUp, DateTimeOffset at, CancellationToken cancellationToken) =>
        Swap(id, p => p.SignCount == expectedSignCount, p => p with { SignCount = signCount, BackedUp = backedUp, LastUsedAt = at, UpdatedAt = at });

    public ValueTask<bool> DeleteAsync(Id<Passkey> id, CancellationToken cancellationToken) => Run(() => passkeys.Remove(id));

    public async ValueTask CreateChallengeAsync(PasskeyChallenge challenge, CancellationToken cancellationToken) => await Run(() =>
    {
        if (!challenges.TryAdd(challenge.ChallengeHash, challenge))
        {
            throw new StoreConflictException(ConflictKind.Duplicate, "passkey challenge");
        }

        return true;
    });

    public ValueTask<PasskeyChallenge?> TakeChallengeAsync(SecretHash challengeHash, CancellationToken cancellationToken) =>
        Run(() => challenges.Remove(challengeHash, out var challenge) ? challenge : null);

    public ValueTask<int> PurgeExpiredChallengesAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Run(() => challenges.Values.Where(c => c.ExpiresAt <= now).ToList().Count(c => challenges.Remove(c.ChallengeHash)));

    private ValueTask<bool> Swap(Id<Passkey> id, Func<Passkey, bool> when, Func<Passkey, Passkey> change) => Run(() =>
    {
        if (!passkeys.TryGetValue(id, out var passkey) || !when(passkey))
        {
            return false;
        }

        passkeys[id] = change(passkey);
        return true;
    });

    private ValueTask<T> Run<T>(Func<T> operation)
    {
        lock (gate)
        {
            return ValueTask.FromResult(operation());
        }
    }
}
