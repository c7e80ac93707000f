using Authsome.Accounts;
using Authsome.Errors;
using Authsome.Messaging;
using Authsome.Rbac;
using Authsome.Security;
using Authsome.Store;
using Authsome.Verification;
using Microsoft.Extensions.Options;

namespace Authsome.Organizations;

/// <summary>
/// Invitations: a single-use 256-bit token, stored only as its SHA-256, mailed to the invitee and valid for
/// <see cref="OrganizationOptions.InvitationTtl"/>. Inviting a pending email again revokes the earlier invitation. Only the
/// signed-in user whose email the invitation names may redeem it, with a verified email unless the app lets unverified
/// users sign in (Development). Redeeming is a compare-and-swap on the invitation's status, so a token works once.
/// </summary>
internal sealed class InvitationService(
    IAuthsomeStore store,
    MemberService members,
    EmailVerificationRequirement verification,
    EmailOutbox outbox,
    TenancyEventPublisher events,
    UnitOfWork units,
    IOptionsMonitor<OrganizationOptions> options,
    TimeProvider time)
{
    public async ValueTask<Invitation> CreateAsync(OrganizationContext context, string? email, string? role, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("invitation.create");
        var address = InputRules.Email(email);
        var slug = await members.RequireRoleAsync(context, role ?? BuiltInRoles.Member, cancellationToken);
        var organization = context.Organization;
        if (await store.Users.GetByEmailAsync(organization.AppId, context.Caller.EnvId, address, cancellationToken) is { } existing
            && await store.Members.GetByUserAsync(organization.Id, existing.Id, cancellationToken) is not null)
        {
            throw new AuthsomeException(TenancyErrors.AlreadyMember, "This person is already a member of the organization.");
        }

        var now = time.GetStoreNow();
        var settings = options.CurrentValue;
        var token = SecretTokens.NewToken();
        var invitation = new Invitation
        {
            Id = Id<Invitation>.New(now),
            OrgId = organization.Id,
            Email = address,
            Role = slug,
            InviterId = context.Caller.Id,
            TokenHash = SecretHash.Of(token),
            ExpiresAt = now + settings.InvitationTtl,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // Revoking the earlier invitations, the new one, its mail and its event: one unit of work.
        await units.RunAsync(
            async ct =>
            {
                foreach (var pending in (await store.Invitations.ListAsync(organization.Id, ct)).Where(i => i.Email == address && i.Status == InvitationStatus.Pending))
                {
                    await store.Invitations.TransitionAsync(pending.Id, InvitationStatus.Pending, InvitationStatus.Revoked, now, ct);
                }

                await store.Invitations.CreateAsync(invitation, ct);
                await outbox.EnqueueAsync(InvitationEmails.Invitation(address, organization.Name, slug, token, settings.InvitationLinkTemplate, settings.InvitationTtl), AccountEmails.Types.Invitation, organization.AppId, ct);
                await events.PublishAsync(TenancyEventTypes.InvitationCreated, organization.AppId, organization.Id, context.Caller.Id, invitation.Id.ToString(), ct);
            },
            cancellationToken);
        activity.Succeed();
        return invitation;
    }

    /// <summary>The organization's invitations, pending ones past their expiry shown as expired.</summary>
    public async ValueTask<IReadOnlyList<Invitation>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken)
    {
        var now = time.GetStoreNow();
        return [.. (await store.Invitations.ListAsync(orgId, cancellationToken)).Select(i => Effective(i, now))];
    }

    public async ValueTask RevokeAsync(OrganizationContext context, string invitationId, CancellationToken cancellationToken)
    {
        var invitation = Id<Invitation>.TryParse(invitationId, out var id) ? await store.Invitations.GetAsync(id, cancellationToken) : null;
        if (invitation is null || invitation.OrgId != context.OrgId)
        {
            throw new AuthsomeException(AuthsomeErrors.NotFound, "No such invitation.");
        }

        if (!await store.Invitations.TransitionAsync(invitation.Id, InvitationStatus.Pending, InvitationStatus.Revoked, time.GetStoreNow(), cancellationToken))
        {
            throw Refusal((await store.Invitations.GetAsync(invitation.Id, cancellationToken) ?? invitation).Status);
        }

        await events.PublishAsync(TenancyEventTypes.InvitationRevoked, context.Organization.AppId, context.OrgId, context.Caller.Id, invitation.Id.ToString(), cancellationToken);
    }

    /// <summary>Joins the organization the invitation is for, with its role.</summary>
    public async ValueTask<(Organization Organization, Member Member)> AcceptAsync(User caller, string? token, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("invitation.accept");
        var (invitation, organization) = await RedeemableAsync(caller, token, cancellationToken);
        if (await store.Members.GetByUserAsync(organization.Id, caller.Id, cancellationToken) is not null)
        {
            throw new AuthsomeException(TenancyErrors.AlreadyMember, "You are already a member of this organization.");
        }

        // The invitation's use, the membership and both events: one unit of work, so a refused membership leaves the
        // invitation pending.
        var member = await units.RunAsync(
            async ct =>
            {
                await TransitionAsync(invitation, InvitationStatus.Accepted, ct);
                var added = await members.AddAsync(organization, caller, invitation.Role, invitation.InviterId, ct);
                await events.PublishAsync(TenancyEventTypes.InvitationAccepted, organization.AppId, organization.Id, caller.Id, invitation.Id.ToString(), ct);
                return added;
            },
            cancellationToken);
        activity.Succeed();
        return (organization, member);
    }

    public async ValueTask DeclineAsync(User caller, string? token, CancellationToken cancellationToken)
    {
        var (invitation, organization) = await RedeemableAsync(caller, token, cancellationToken);
        await TransitionAsync(invitation, InvitationStatus.Declined, cancellationToken);
        await events.PublishAsync(TenancyEventTypes.InvitationDeclined, organization.AppId, organization.Id, caller.Id, invitation.Id.ToString(), cancellationToken);
    }

    /// <summary>
    /// The invitation a token names (pending ones past their expiry shown as expired) and its organization, in any
    /// status, for the one who holds the token (the hosted pages show whom it is from before sign-in).
    /// </summary>
    public async ValueTask<(Invitation Invitation, Organization Organization)> FindAsync(Id<App> appId, string? token, CancellationToken cancellationToken)
    {
        var value = InputRules.Required(token, "token");
        var invitation = SecretTokens.LooksLikeToken(value) ? await store.Invitations.GetByTokenHashAsync(SecretHash.Of(value), cancellationToken) : null;
        var organization = invitation is null ? null : await store.Organizations.GetAsync(invitation.OrgId, cancellationToken);
        if (invitation is null || organization is null || organization.AppId != appId)
        {
            throw new AuthsomeException(TenancyErrors.InvitationInvalid, "No invitation has this token.");
        }

        return (Effective(invitation, time.GetStoreNow()), organization);
    }

    private async ValueTask<(Invitation Invitation, Organization Organization)> RedeemableAsync(User caller, string? token, CancellationToken cancellationToken)
    {
        var (invitation, organization) = await FindAsync(caller.AppId, token, cancellationToken);
        var status = invitation.Status;
        if (status != InvitationStatus.Pending)
        {
            throw Refusal(status);
        }

        if (!string.Equals(invitation.Email, caller.Email, StringComparison.Ordinal))
        {
            throw new AuthsomeException(TenancyErrors.InvitationNotForYou, "This invitation was sent to another email address; sign in with that address to accept it.");
        }

        if (!caller.EmailVerified && await verification.IsRequiredAsync(caller.AppId, cancellationToken))
        {
            throw new AuthsomeException(AuthsomeErrors.EmailNotVerified, "Verify your email address before accepting an invitation.");
        }

        return (invitation, organization);
    }

    private async ValueTask TransitionAsync(Invitation invitation, InvitationStatus next, CancellationToken cancellationToken)
    {
        // Of concurrent redemptions exactly one wins; the others see what it left.
        if (!await store.Invitations.TransitionAsync(invitation.Id, InvitationStatus.Pending, next, time.GetStoreNow(), cancellationToken))
        {
            throw Refusal((await store.Invitations.GetAsync(invitation.Id, cancellationToken))?.Status ?? InvitationStatus.Revoked);
        }
    }

    private static Invitation Effective(Invitation invitation, DateTimeOffset now) =>
        invitation.Status == InvitationStatus.Pending && invitation.ExpiresAt <= now ? invitation with { Status = InvitationStatus.Expired } : invitation;

    /// <summary>Why an invitation in <paramref name="status"/> (not pending) cannot be answered.</summary>
    public static AuthsomeException Refusal(InvitationStatus status) => status switch
    {
        InvitationStatus.Expired => new AuthsomeException(TenancyErrors.InvitationExpired, "This invitation has expired; ask for a new one."),
        InvitationStatus.Revoked => new AuthsomeException(TenancyErrors.InvitationRevoked, "This invitation was withdrawn."),
        _ => new AuthsomeException(TenancyErrors.InvitationUsed, "This invitation was already accepted or declined."),
    };
}
