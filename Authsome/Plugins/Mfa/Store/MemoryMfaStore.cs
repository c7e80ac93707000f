using Authsome.Store;
using Authsome.Store.Memory;

namespace Authsome.Plugins.Mfa.Store;

/// <summary>The MFA store beside the in-memory store's data, under its lock; a user's rows go with the user's app.</summary>
internal sealed class MemoryMfaStore : IMfaStore
{
    private readonly MemoryPluginContext _context;

    // Touched only under the store's lock.
    private readonly Dictionary<Id<User>, TotpFactor> _totp = [];
    private readonly Dictionary<Id<User>, List<RecoveryCode>> _codes = [];
    private readonly Dictionary<Id<MfaTicket>, MfaTicket> _tickets = [];

    public MemoryMfaStore(MemoryPluginContext context)
    {
        _context = context;
        _context.DeleteWithUsers(users =>
        {
            foreach (var user in users)
            {
                _totp.Remove(user);
                _codes.Remove(user);
            }

            foreach (var ticket in _tickets.Values.Where(t => users.Contains(t.UserId)).ToList())
            {
                _tickets.Remove(ticket.Id);
            }
        });
    }

    public ValueTask<TotpFactor?> GetTotpAsync(Id<User> userId, CancellationToken cancellationToken) =>
        _context.RunAsync(() => _totp.GetValueOrDefault(userId), cancellationToken);

    public ValueTask SaveTotpAsync(TotpFactor factor, CancellationToken cancellationToken) =>
        _context.RunAsync(() =>
        {
            _context.EnsureUserExists(factor.UserId, "TOTP factor");
            _totp[factor.UserId] = factor;
        }, cancellationToken);

    public ValueTask<bool> ConfirmTotpAsync(Id<TotpFactor> id, long step, DateTimeOffset at, CancellationToken cancellationToken) =>
        _context.RunAsync(() => Swap(id, f => f.ConfirmedAt is null, f => f with { ConfirmedAt = at, LastUsedStep = step, UpdatedAt = at }), cancellationToken);

    public ValueTask<bool> TryUseStepAsync(Id<TotpFactor> id, long step, DateTimeOffset at, CancellationToken cancellationToken) =>
        _context.RunAsync(() => Swap(id, f => f.LastUsedStep is not { } last || last < step, f => f with { LastUsedStep = step, UpdatedAt = at }), cancellationToken);

    public ValueTask<bool> DeleteTotpAsync(Id<User> userId, CancellationToken cancellationToken) =>
        _context.RunAsync(() =>
        {
            _codes.Remove(userId);
            return _totp.Remove(userId);
        }, cancellationToken);

    public ValueTask ReplaceRecoveryCodesAsync(Id<User> userId, IReadOnlyList<RecoveryCode> replacement, CancellationToken cancellationToken) =>
        _context.RunAsync(() =>
        {
            _context.EnsureUserExists(userId, "recovery code");
            _codes[userId] = [.. replacement];
        }, cancellationToken);

    public ValueTask<bool> UseRecoveryCodeAsync(Id<User> userId, SecretHash codeHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        _context.RunAsync(() =>
        {
            var list = _codes.GetValueOrDefault(userId) ?? [];
            var index = list.FindIndex(c => c.CodeHash == codeHash && c.UsedAt is null);
            if (index >= 0)
            {
                list[index] = list[index] with { UsedAt = at };
            }

            return index >= 0;
        }, cancellationToken);

    public ValueTask<int> CountRecoveryCodesAsync(Id<User> userId, CancellationToken cancellationToken) =>
        _context.RunAsync(() => _codes.GetValueOrDefault(userId)?.Count(c => c.UsedAt is null) ?? 0, cancellationToken);

    public ValueTask CreateTicketAsync(MfaTicket ticket, CancellationToken cancellationToken) =>
        _context.RunAsync(() =>
        {
            _context.EnsureUserExists(ticket.UserId, "MFA ticket");
            if (_tickets.ContainsKey(ticket.Id) || _tickets.Values.Any(t => t.TokenHash == ticket.TokenHash))
            {
                throw new StoreConflictException(ConflictKind.Duplicate, "MFA ticket");
            }

            _tickets.Add(ticket.Id, ticket);
        }, cancellationToken);

    public ValueTask<MfaTicket?> GetTicketAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        _context.RunAsync(() => _tickets.Values.FirstOrDefault(t => t.TokenHash == tokenHash), cancellationToken);

    public ValueTask<int> RecordTicketFailureAsync(Id<MfaTicket> id, CancellationToken cancellationToken) =>
        _context.RunAsync(() =>
        {
            if (!_tickets.TryGetValue(id, out var ticket))
            {
                return 0;
            }

            _tickets[id] = ticket with { Attempts = ticket.Attempts + 1 };
            return ticket.Attempts + 1;
        }, cancellationToken);

    public ValueTask<bool> DeleteTicketAsync(Id<MfaTicket> id, CancellationToken cancellationToken) =>
        _context.RunAsync(() => _tickets.Remove(id), cancellationToken);

    public ValueTask<int> PurgeExpiredTicketsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _context.RunAsync(() => _tickets.Values.Where(t => t.ExpiresAt <= now).ToList().Count(t => _tickets.Remove(t.Id)), cancellationToken);

    private bool Swap(Id<TotpFactor> id, Func<TotpFactor, bool> when, Func<TotpFactor, TotpFactor> change)
    {
        var factor = _totp.Values.FirstOrDefault(f => f.Id == id);
        if (factor is null || !when(factor))
        {
            return false;
        }

        _totp[factor.UserId] = change(factor);
        return true;
    }
}
