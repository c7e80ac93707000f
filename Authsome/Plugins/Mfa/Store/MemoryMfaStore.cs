using Authsome.Store;

namespace Authsome.Plugins.Mfa.Store;

/// <summary>The MFA store in process memory, beside the in-memory store; one lock makes each operation atomic.</summary>
internal sealed class MemoryMfaStore : IMfaStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<Id<User>, TotpFactor> totp = [];
    private readonly Dictionary<Id<User>, List<RecoveryCode>> codes = [];
    private readonly Dictionary<Id<MfaTicket>, MfaTicket> tickets = [];

    public ValueTask<TotpFactor?> GetTotpAsync(Id<User> userId, CancellationToken cancellationToken) =>
        Run(() => totp.GetValueOrDefault(userId));

    public ValueTask SaveTotpAsync(TotpFactor factor, CancellationToken cancellationToken) =>
        Run(() => { totp[factor.UserId] = factor; });

    public ValueTask<bool> ConfirmTotpAsync(Id<TotpFactor> id, long step, DateTimeOffset at, CancellationToken cancellationToken) =>
        Run(() => Swap(id, f => f.ConfirmedAt is null, f => f with { ConfirmedAt = at, LastUsedStep = step, UpdatedAt = at }));

    public ValueTask<bool> TryUseStepAsync(Id<TotpFactor> id, long step, DateTimeOffset at, CancellationToken cancellationToken) =>
        Run(() => Swap(id, f => f.LastUsedStep is not { } last || last < step, f => f with { LastUsedStep = step, UpdatedAt = at }));

    public ValueTask<bool> DeleteTotpAsync(Id<User> userId, CancellationToken cancellationToken) =>
        Run(() =>
        {
            codes.Remove(userId);
            return totp.Remove(userId);
        });

    public ValueTask ReplaceRecoveryCodesAsync(Id<User> userId, IReadOnlyList<RecoveryCode> replacement, CancellationToken cancellationToken) =>
        Run(() => { codes[userId] = [.. replacement]; });

    public ValueTask<bool> UseRecoveryCodeAsync(Id<User> userId, SecretHash codeHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        Run(() =>
        {
            var list = codes.GetValueOrDefault(userId) ?? [];
            var index = list.FindIndex(c => c.CodeHash == codeHash && c.UsedAt is null);
            if (index < 0)
            {
                return false;
            }

            list[index] = list[index] with { UsedAt = at };
            return true;
        });

    public ValueTask<int> CountRecoveryCodesAsync(Id<User> userId, CancellationToken cancellationToken) =>
        Run(() => codes.GetValueOrDefault(userId)?.Count(c => c.UsedAt is null) ?? 0);

    public ValueTask CreateTicketAsync(MfaTicket ticket, CancellationToken cancellationToken) =>
        Run(() =>
        {
            if (tickets.ContainsKey(ticket.Id) || tickets.Values.Any(t => t.TokenHash == ticket.TokenHash))
            {
                throw new StoreConflictException(ConflictKind.Duplicate, "MFA ticket");
            }

            tickets.Add(ticket.Id, ticket);
        });

    public ValueTask<MfaTicket?> GetTicketAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        Run(() => tickets.Values.FirstOrDefault(t => t.TokenHash == tokenHash));

    public ValueTask<int> RecordTicketFailureAsync(Id<MfaTicket> id, CancellationToken cancellationToken) =>
        Run(() =>
        {
            if (!tickets.TryGetValue(id, out var ticket))
            {
                return 0;
            }

            tickets[id] = ticket with { Attempts = ticket.Attempts + 1 };
            return ticket.Attempts + 1;
        });

    public ValueTask<bool> DeleteTicketAsync(Id<MfaTicket> id, CancellationToken cancellationToken) =>
        Run(() => tickets.Remove(id));

    public ValueTask<int> PurgeExpiredTicketsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Run(() => tickets.Values.Where(t => t.ExpiresAt <= now).ToList().Count(t => tickets.Remove(t.Id)));

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

    private ValueTask<T> Run<T>(Func<T> operation)
    {
        lock (gate)
        {
            return ValueTask.FromResult(operation());
        }
    }

    private ValueTask Run(Action operation)
    {
        lock (gate)
        {
            operation();
        }

        return ValueTask.CompletedTask;
    }
}
