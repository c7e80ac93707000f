using Authsome.Store;
using Authsome.Store.Memory;

namespace Authsome.Plugins.Passkeys.Store;

/// <summary>Passkeys beside the in-memory store's data, under its lock; a user's passkeys go with the user's app.</summary>
internal sealed class MemoryPasskeyStore : IPasskeyStore
{
    private readonly MemoryPluginContext _context;

    // Touched only under the store's lock.
    private readonly Dictionary<Id<Passkey>, Passkey> _passkeys = [];
    private readonly Dictionary<SecretHash, PasskeyChallenge> _challenges = [];

    public MemoryPasskeyStore(MemoryPluginContext context)
    {
        _context = context;
        _context.DeleteWithUsers(users =>
        {
            foreach (var passkey in _passkeys.Values.Where(p => users.Contains(p.UserId)).ToList())
            {
                _passkeys.Remove(passkey.Id);
            }
        });
    }

    public ValueTask CreateAsync(Passkey passkey, CancellationToken cancellationToken) => _context.RunAsync(() =>
    {
        _context.EnsureUserExists(passkey.UserId, "passkey");
        if (_passkeys.ContainsKey(passkey.Id) || _passkeys.Values.Any(p => p.CredentialId.AsSpan().SequenceEqual(passkey.CredentialId)))
        {
            throw new StoreConflictException(ConflictKind.Duplicate, "passkey");
        }

        _passkeys.Add(passkey.Id, passkey);
    }, cancellationToken);

    public ValueTask<Passkey?> GetAsync(Id<Passkey> id, CancellationToken cancellationToken) =>
        _context.RunAsync(() => _passkeys.GetValueOrDefault(id), cancellationToken);

    public ValueTask<Passkey?> GetByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        _context.RunAsync(() => _passkeys.Values.FirstOrDefault(p => p.CredentialId.AsSpan().SequenceEqual(credentialId)), cancellationToken);

    public ValueTask<IReadOnlyList<Passkey>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        _context.RunAsync<IReadOnlyList<Passkey>>(() => [.. _passkeys.Values.Where(p => p.UserId == userId).OrderBy(p => p.Id)], cancellationToken);

    public ValueTask<bool> RenameAsync(Id<Passkey> id, string name, DateTimeOffset at, CancellationToken cancellationToken) =>
        Swap(id, _ => true, p => p with { Name = name, UpdatedAt = at }, cancellationToken);

    public ValueTask<bool> RecordUseAsync(Id<Passkey> id, long expectedSignCount, long signCount, bool backedUp, DateTimeOffset at, CancellationToken cancellationToken) =>
        Swap(id, p => p.SignCount == expectedSignCount, p => p with { SignCount = signCount, BackedUp = backedUp, LastUsedAt = at, UpdatedAt = at }, cancellationToken);

    public ValueTask<bool> DeleteAsync(Id<Passkey> id, CancellationToken cancellationToken) =>
        _context.RunAsync(() => _passkeys.Remove(id), cancellationToken);

    public ValueTask CreateChallengeAsync(PasskeyChallenge challenge, CancellationToken cancellationToken) => _context.RunAsync(() =>
    {
        if (!_challenges.TryAdd(challenge.ChallengeHash, challenge))
        {
            throw new StoreConflictException(ConflictKind.Duplicate, "passkey challenge");
        }
    }, cancellationToken);

    public ValueTask<PasskeyChallenge?> TakeChallengeAsync(SecretHash challengeHash, CancellationToken cancellationToken) =>
        _context.RunAsync(() => _challenges.Remove(challengeHash, out var challenge) ? challenge : null, cancellationToken);

    public ValueTask<int> PurgeExpiredChallengesAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _context.RunAsync(() => _challenges.Values.Where(c => c.ExpiresAt <= now).ToList().Count(c => _challenges.Remove(c.ChallengeHash)), cancellationToken);

    private ValueTask<bool> Swap(Id<Passkey> id, Func<Passkey, bool> when, Func<Passkey, Passkey> change, CancellationToken cancellationToken) => _context.RunAsync(() =>
    {
        if (!_passkeys.TryGetValue(id, out var passkey) || !when(passkey))
        {
            return false;
        }

        _passkeys[id] = change(passkey);
        return true;
    }, cancellationToken);
}
