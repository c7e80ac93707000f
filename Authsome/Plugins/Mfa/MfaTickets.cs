using Authsome.Plugins.Mfa.Store;
using Authsome.Security;
using Authsome.Store;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Mfa;

/// <summary>
/// Issues and checks MFA tickets: 256-bit random, stored as a hash, valid for <see cref="MfaOptions.TicketLifetime"/>,
/// for one purpose, used once, and dead after <see cref="MfaOptions.TicketMaxAttempts"/> wrong codes.
/// </summary>
internal sealed class MfaTickets(IMfaStore store, IOptionsMonitor<MfaOptions> options, TimeProvider time)
{
    public async ValueTask<(string Token, MfaTicket Ticket)> IssueAsync(User user, MfaTicketPurpose purpose, string method, CancellationToken cancellationToken)
    {
        var now = time.GetStoreNow();
        var token = SecretTokens.NewToken();
        var ticket = new MfaTicket
        {
            Id = Id<MfaTicket>.New(now),
            AppId = user.AppId,
            UserId = user.Id,
            TokenHash = SecretHash.Of(token),
            Purpose = purpose,
            Method = method,
            ExpiresAt = now + options.CurrentValue.TicketLifetime,
            CreatedAt = now,
        };
        await store.CreateTicketAsync(ticket, cancellationToken);
        return (token, ticket);
    }

    /// <summary>The live ticket for <paramref name="token"/> and <paramref name="purpose"/>; throws mfa_ticket_invalid otherwise.</summary>
    public async ValueTask<MfaTicket> GetAsync(string? token, MfaTicketPurpose purpose, CancellationToken cancellationToken)
    {
        var ticket = SecretTokens.LooksLikeToken(token) ? await store.GetTicketAsync(SecretHash.Of(token!), cancellationToken) : null;
        if (ticket is null || ticket.Purpose != purpose || ticket.ExpiresAt <= time.GetStoreNow()
            || ticket.Attempts >= options.CurrentValue.TicketMaxAttempts)
        {
            throw new Errors.AuthsomeException(MfaErrors.TicketInvalid);
        }

        return ticket;
    }

    /// <summary>Counts a wrong code; the ticket is deleted once it has no tries left. Returns the tries used.</summary>
    public async ValueTask<int> RecordFailureAsync(MfaTicket ticket, CancellationToken cancellationToken)
    {
        var attempts = await store.RecordTicketFailureAsync(ticket.Id, cancellationToken);
        if (attempts >= options.CurrentValue.TicketMaxAttempts)
        {
            await store.DeleteTicketAsync(ticket.Id, cancellationToken);
        }

        return attempts;
    }

    /// <summary>Uses the ticket up; throws mfa_ticket_invalid when a concurrent request used it first.</summary>
    public async ValueTask ConsumeAsync(MfaTicket ticket, CancellationToken cancellationToken)
    {
        if (!await store.DeleteTicketAsync(ticket.Id, cancellationToken))
        {
            throw new Errors.AuthsomeException(MfaErrors.TicketInvalid);
        }
    }
}
