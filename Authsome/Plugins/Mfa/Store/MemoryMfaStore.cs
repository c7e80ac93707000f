using Authsome.Store;
using Authsome.Store.Memory;

namespace Authsome.Plugins.Mfa.Store;

/// <summary>The MFA store beside the in-memory store's data, under its lock; a user's rows go with the user's app.</summary>
internal sealed class MemoryMfaStore : IMfaStore
{
    private readonly MemoryPluginContext context;

    // Touched only under the store's lock.
    private readonly Dictionary<Id<User>, TotpFactor> totp = [];
    private readonly Dictionary<Id<User>, List<RecoveryCode>> codes = [];
    private readonly Dictionary<Id<MfaTicket>, MfaTicket> tickets = [];

    public MemoryMfaStore(MemoryPluginContext context)
    {
        this.context = context;
        context.DeleteWithUsers(users =>
        {
            foreach (var user in users)
            {
                totp.Remove(user);
                codes.Remove(user);
            }

            foreach (var ticket in tickets.Values.Where(t => users.Contains(t.UserId)).ToList())
            {
                tickets.Remove(ticket.Id);
            }
        });
    }

    public ValueTask<TotpFactor?> GetTotpAsync(Id<User> userId, CancellationToken cancellationToken) =>
        context.RunAsync(() => totp.GetValueOrDefault(userId), cancellationToken);

    public ValueTask SaveTotpAsync(TotpFactor factor, CancellationToken cancellationToken) =>
        context.RunAsync(() =>
        {
            context.EnsureUserExists(factor.UserId, "TOTP factor");
            totp[factor.UserId] = factor;
        }, cancellationToken);

    public ValueTask<bool> ConfirmTotpAsync(Id<TotpFactor> id, long step, DateTimeOffset at, CancellationToken cancellationToken) =>
        context.RunAsync(() => Swap(id, f => f.ConfirmedAt is null, f => f with { ConfirmedAt = at, LastUsedStep = step, UpdatedAt = at }), cancellationToken);

    public ValueTask<bool> TryUseStepAsync(Id<TotpFactor> id, long step, DateTimeOffset at, CancellationToken cancellationToken) =>
        context.RunAsync(() => Swap(id, f => f.LastUsedStep is not { } last || last < step, f => f with { LastUsedStep = step, UpdatedAt = at }), cancellationToken);

    public ValueTask<bool> DeleteTotpAsync(Id<User> userId, CancellationToken cancellationToken) =>
        context.RunAsync(() =>
        {
            codes.Remove(userId);
            return totp.Remove(userId);
        }, cancellationToken);

    public ValueTask ReplaceRecoveryCodesAsync(Id<User> userId, IReadOnlyList<RecoveryCode> replacement, CancellationToken cancellationToken) =>
        context.RunAsync(() =>
        {
            context.EnsureUserExists(userId, "recovery code");
            codes[userId] = [.. replacement];
        }, cancellationToken);

    public ValueTask<bool> UseRecoveryCodeAsync(Id<User> userId, SecretHash codeHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        context.RunAsync(() =>
        {
            var list = codes.GetValueOrDefault(userId) ?? [];
            var index = list.FindIndex(c => c.CodeHash == codeHash && c.UsedAt is null);
            if (index >= 0)
            {
                list[index] = list[index] with { UsedAt = at };
            }

            return index >= 0;
        }, cancellationToken);

    public ValueTask<int> CountRecoveryCodesAsync(Id<User> userId, CancellationToken cancellationToken) =>
        context.RunAsync(() => codes.GetValueOrDefault(userId)?.Count(c => c.UsedAt is null) ?? 0, cancellationToken);

    public ValueTask CreateTicketAsync(MfaTicket ticket, CancellationToken cancellationToken) =>
        context.RunAsync(() =>
        {
            context.EnsureUserExists(ticket.UserId, "MFA ticket");
            if (tickets.ContainsKey(ticket.Id) || tickets.Values.Any(t => t.TokenHash == ticket.TokenHash))
            {
                throw new StoreConflictException(ConflictKind.Duplicate, "MFA ticket");
            }

            tickets.Add(ticket.Id, ticket);
        }, cancellationToken);

    public ValueTask<MfaTicket?> GetTicketAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        context.RunAsync(() => tickets.Values.FirstOrDefault(t => t.TokenHash == tokenHash), cancellationToken);

    public ValueTask<int> RecordTicketFailureAsync(Id<MfaTicket> id, CancellationToken cancellationToken) =>
        context.RunAsync(() =>
        {
            if (!tickets.TryGetValue(id, out var ticket))
            {
                return 0;
            }

            tickets[id] = ticket with { Attempts = ticket.Attempts + 1 };
            return ticket.Attempts + 1;
        }, cancellationToken);

    public ValueTask<bool> DeleteTicketAsync(Id<MfaTicket> id, CancellationToken cancellationToken) =>
        context.RunAsync(() => tickets.Remove(id), cancellationToken);

    public ValueTask<int> PurgeExpiredTicketsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        context.RunAsync(() => tickets.Values.Where(t => t.ExpiresAt <= now).ToList().Count(t => tickets.Remove(t.Id)), cancellationToken);

    private bool Swap(Id<TotpFactor> id, Func<TotpFactor, bool> when, Func<TotpFactor, TotpFactor> change)
    {
        var factor = totp.Values.FirstOrDefault(f => f.Id == id);
        if (factor is null || !when(factor))
        {
            return false;
        }

        totp[factor.UserId] = change(factor);
        return true;
    }
}
