using Authsome.Accounts;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Messaging;
using Authsome.Rbac;
using Authsome.Security;
using Authsome.Store;

namespace Authsome.Organizations;

/// <summary>Creating, listing, changing and deleting organizations. The creator becomes the first owner.</summary>
internal sealed class OrganizationService(
    IAuthsomeStore store,
    RoleCatalog roles,
    TenancyEventPublisher events,
    UnitOfWork units,
    TimeProvider time)
{
    private const int MaxLogoLength = InputRules.MaxUrlLength;

    public async ValueTask<(Organization Organization, Member Owner)> CreateAsync(User caller, string? name, string? slug, string? logo, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("org.create");
        var cleanName = InputRules.Name(InputRules.Required(name, "name")) ?? throw InputRules.Invalid("name", "Required.");
        var givenSlug = slug is not null;
        var cleanSlug = Slugs.From(slug, cleanName);
        var now = time.GetStoreNow();
        var organization = new Organization
        {
            Id = Id<Organization>.New(now),
            AppId = caller.AppId,
            Name = cleanName,
            Slug = cleanSlug,
            Logo = InputRules.ImageUrl(logo, "logo"),
            CreatedBy = caller.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await roles.GetBuiltInAsync(caller.AppId, BuiltInRoles.Owner, cancellationToken);
        var owner = new Member { Id = Id<Member>.New(now), OrgId = organization.Id, UserId = caller.Id, Role = BuiltInRoles.Owner, CreatedAt = now, UpdatedAt = now };
        try
        {
            await CreateWithOwnerAsync(organization, owner, caller, cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.SlugTaken && !givenSlug)
        {
            // A slug made from the name may collide; a short random suffix settles it.
            organization = organization with { Slug = $"{cleanSlug[..Math.Min(cleanSlug.Length, Slugs.MaxLength - 9)]}-{SecretTokens.NewCode(8)}" };
            await CreateOrThrowAsync(organization, owner, caller, cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.SlugTaken)
        {
            activity.Fail(TenancyErrors.SlugTaken.Code);
            throw SlugTaken();
        }

        activity?.SetTag("authsome.org_id", organization.Id.ToString());
        activity.Succeed();
        return (organization, owner);
    }

    // The organization, its owner and their events: one unit of work, so a refused slug leaves nothing behind.
    private Task CreateWithOwnerAsync(Organization organization, Member owner, User caller, CancellationToken cancellationToken) =>
        units.RunAsync(
            async ct =>
            {
                await store.Organizations.CreateAsync(organization, ct);
                await store.Members.CreateAsync(owner, ct);
                await events.PublishAsync(TenancyEventTypes.OrgCreated, caller.AppId, organization.Id, caller.Id, organization.Id.ToString(), ct);
                await events.PublishAsync(TenancyEventTypes.MemberAdded, caller.AppId, organization.Id, caller.Id, owner.Id.ToString(), ct);
            },
            cancellationToken);

    /// <summary>The caller's organizations, a page at a time in id order, with the caller's role in each.</summary>
    public async ValueTask<Page<(Organization Organization, string Role)>> ListMineAsync(User caller, PageRequest page, CancellationToken cancellationToken)
    {
        var after = page.CursorAfter<Organization>();
        var all = await store.Organizations.ListByUserAsync(caller.Id, cancellationToken);
        var rows = new List<(Organization, string)>();
        foreach (var organization in all.Where(o => after is null || o.Id > after.Value).Take(page.Limit + 1))
        {
            var member = await store.Members.GetByUserAsync(organization.Id, caller.Id, cancellationToken);
            rows.Add((organization, member?.Role ?? BuiltInRoles.Member));
        }

        return Page.FromOverfetch<(Organization Organization, string Role)>(rows, page, all.Count, r => r.Organization.Id.ToString());
    }

    public async ValueTask<Organization> UpdateAsync(OrganizationContext context, string? name, string? slug, string? logo, CancellationToken cancellationToken)
    {
        var current = context.Organization;
        var updated = current with
        {
            Name = name is null ? current.Name : InputRules.Name(name) ?? throw InputRules.Invalid("name", "Required."),
            Slug = slug is null ? current.Slug : Slugs.From(slug, current.Name),
            Logo = logo is null ? current.Logo : logo.Length > MaxLogoLength ? throw InputRules.Invalid("logo", "Too long.") : InputRules.ImageUrl(logo, "logo"),
            UpdatedAt = time.GetStoreNow(),
        };
        try
        {
            await store.Organizations.UpdateAsync(updated, cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.SlugTaken)
        {
            throw SlugTaken();
        }
        catch (StoreNotFoundException)
        {
            throw new AuthsomeException(AuthsomeErrors.NotFound, "No such organization.");
        }

        await events.PublishAsync(TenancyEventTypes.OrgUpdated, current.AppId, current.Id, context.Caller.Id, current.Id.ToString(), cancellationToken);
        return updated;
    }

    /// <summary>Deletes the organization; the store removes its members, invitations, teams, custom roles and the rest in one transaction.</summary>
    public async ValueTask DeleteAsync(OrganizationContext context, CancellationToken cancellationToken)
    {
        var organization = context.Organization;
        if (await store.Organizations.DeleteAsync(organization.Id, cancellationToken))
        {
            await events.PublishAsync(TenancyEventTypes.OrgDeleted, organization.AppId, organization.Id, context.Caller.Id, organization.Id.ToString(), cancellationToken);
        }
    }

    private async ValueTask CreateOrThrowAsync(Organization organization, Member owner, User caller, CancellationToken cancellationToken)
    {
        try
        {
            await CreateWithOwnerAsync(organization, owner with { OrgId = organization.Id }, caller, cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.SlugTaken)
        {
            throw SlugTaken();
        }
    }

    private static AuthsomeException SlugTaken() => new(TenancyErrors.SlugTaken, "Another organization of this app has this slug.");
}
