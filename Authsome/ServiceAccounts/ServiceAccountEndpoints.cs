using Authsome.Endpoints;
using Authsome.Accounts;
using Authsome.ApiKeys;
using Authsome.Apps;
using Authsome.Authorization;
using Authsome.Errors;
using Authsome.Json;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.ServiceAccounts;

/// <summary>POST /admin/service-accounts and PATCH /admin/service-accounts/{id}: only the members given change on PATCH.</summary>
public sealed record ServiceAccountRequest
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public bool? Disabled { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<ServiceAccountRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<ServiceAccountRequest>(context);
}

/// <summary>A service account: an identity for machines, with API keys and no password or sessions.</summary>
public sealed record ServiceAccountResponse
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required bool Disabled { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    internal static ServiceAccountResponse From(ServiceAccount a) => new()
    {
        Id = a.Id.ToString(),
        Name = a.Name,
        Description = a.Description,
        Disabled = a.Disabled,
        CreatedAt = a.CreatedAt,
        UpdatedAt = a.UpdatedAt,
    };
}

/// <summary>POST /admin/service-accounts/{id}/roles: the slug of an app-wide role.</summary>
public sealed record ServiceAccountRoleRequest
{
    public string? Role { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<ServiceAccountRoleRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<ServiceAccountRoleRequest>(context);
}

/// <summary>A role a service account holds.</summary>
public sealed record ServiceAccountRoleResponse
{
    public required string Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }

    internal static ServiceAccountRoleResponse From(Role r) => new() { Id = r.Id.ToString(), Slug = r.Slug, Name = r.Name };
}

/// <summary>
/// Service accounts of the engine's app and their keys, for administrators holding <c>manage</c> on
/// <c>service_accounts</c>. A disabled account's keys are refused (401 api_key_invalid) until it is enabled again.
/// </summary>
internal static class ServiceAccountEndpoints
{
    public const string Resource = "service_accounts";
    private const string RolesResource = "roles";
    private const string Tag = "Service accounts";
    private const int MaxNameLength = 100;
    private const int MaxDescriptionLength = 500;

    public static void MapServiceAccountRoutes(this IEndpointRouteBuilder authenticated)
    {
        var group = authenticated.MapGroup("/admin/service-accounts").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapPost("/", CreateAsync).WithName("CreateServiceAccount").WithSummary("Add a service account")
            .Accepts<ServiceAccountRequest>("application/json").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/", ListAsync).WithName("ListServiceAccounts").WithSummary("The app's service accounts");
        group.MapPatch("/{id}", UpdateAsync).WithName("UpdateServiceAccount").WithSummary("Rename, describe, disable or enable a service account")
            .Accepts<ServiceAccountRequest>("application/json").ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteServiceAccount").WithSummary("Remove a service account and its keys").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/keys", CreateKeyAsync).WithName("CreateServiceAccountKey").WithSummary("Make a key for the account; the answer holds its secret, shown only this once")
            .Accepts<CreateApiKeyRequest>("application/json").ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("/{id}/keys", ListKeysAsync).WithName("ListServiceAccountKeys").WithSummary("The account's keys (no secrets)").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}/keys/{keyId}", RevokeKeyAsync).WithName("RevokeServiceAccountKey").WithSummary("Revoke one of the account's keys").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/roles", ListRolesAsync).WithName("ListServiceAccountRoles").WithSummary("The app-wide roles the account holds").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/roles", AssignRoleAsync).WithName("AssignServiceAccountRole").WithSummary("Give the account an app-wide role; its keys may then do what the role allows, within their scopes")
            .Accepts<ServiceAccountRoleRequest>("application/json").ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapDelete("/{id}/roles/{roleId}", UnassignRoleAsync).WithName("UnassignServiceAccountRole").WithSummary("Take a role from the account").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<ServiceAccountRoleResponse[]>> ListRolesAsync(string id, HttpContext context, AdminAccess admins, IAuthsomeStore store, AppResolver apps, CancellationToken cancellationToken)
    {
        var account = await FindAsync(id, context, admins, store, apps, cancellationToken);
        var roles = new List<ServiceAccountRoleResponse>();
        foreach (var roleId in await store.ServiceAccounts.ListRolesAsync(account.Id, cancellationToken))
        {
            if (await store.Roles.GetAsync(roleId, cancellationToken) is { } role)
            {
                roles.Add(ServiceAccountRoleResponse.From(role));
            }
        }

        return TypedResults.Ok(roles.ToArray());
    }

    // Giving roles hands out power: it takes an administrator (not a service account) allowed to manage roles too.
    private static async Task<Ok<ServiceAccountRoleResponse[]>> AssignRoleAsync(string id, ServiceAccountRoleRequest body, HttpContext context, AdminAccess admins, IAuthsomeStore store, AppResolver apps, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await FindAsync(id, context, admins, store, apps, cancellationToken);
        await admins.RequireUserAsync(context, RolesResource, cancellationToken);
        var slug = InputRules.Required(body.Role, "role");
        var role = await store.Roles.GetBySlugAsync(account.AppId, slug, cancellationToken)
            ?? throw InputRules.Invalid("role", "No app-wide role has this slug.");
        try
        {
            await store.ServiceAccounts.AssignRoleAsync(account.Id, role.Id, time.GetStoreNow(), cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.Duplicate)
        {
            // Already held: assigning is idempotent.
        }

        return await ListRolesAsync(id, context, admins, store, apps, cancellationToken);
    }

    private static async Task<NoContent> UnassignRoleAsync(string id, string roleId, HttpContext context, AdminAccess admins, IAuthsomeStore store, AppResolver apps, CancellationToken cancellationToken)
    {
        var account = await FindAsync(id, context, admins, store, apps, cancellationToken);
        await admins.RequireUserAsync(context, RolesResource, cancellationToken);
        if (!Id<Role>.TryParse(roleId, out var role) || !await store.ServiceAccounts.UnassignRoleAsync(account.Id, role, cancellationToken))
        {
            throw new AuthsomeException(AuthsomeErrors.NotFound);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Created<ServiceAccountResponse>> CreateAsync(ServiceAccountRequest body, HttpContext context, AdminAccess admins, IAuthsomeStore store, AppResolver apps, TimeProvider time, CancellationToken cancellationToken)
    {
        await admins.RequireAsync(context, Resource, cancellationToken);
        var app = await apps.GetAsync(cancellationToken);
        var now = time.GetStoreNow();
        var account = new ServiceAccount
        {
            Id = Id<ServiceAccount>.New(now),
            AppId = app.AppId,
            Name = Name(body.Name),
            Description = Description(body.Description),
            Disabled = body.Disabled ?? false,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.ServiceAccounts.CreateAsync(account, cancellationToken);
        return TypedResults.Created($"admin/service-accounts/{account.Id}", ServiceAccountResponse.From(account));
    }

    private static async Task<Ok<ServiceAccountResponse[]>> ListAsync(HttpContext context, AdminAccess admins, IAuthsomeStore store, AppResolver apps, CancellationToken cancellationToken)
    {
        await admins.RequireAsync(context, Resource, cancellationToken);
        var app = await apps.GetAsync(cancellationToken);
        var all = new List<ServiceAccountResponse>();
        var page = new PageRequest(null, PageRequest.MaxLimit);
        while (true)
        {
            var found = await store.ServiceAccounts.ListAsync(app.AppId, page, cancellationToken);
            all.AddRange(found.Items.Select(ServiceAccountResponse.From));
            if (found.NextCursor is null)
            {
                return TypedResults.Ok(all.ToArray());
            }

            page = new PageRequest(found.NextCursor, PageRequest.MaxLimit);
        }
    }

    private static async Task<Ok<ServiceAccountResponse>> UpdateAsync(string id, ServiceAccountRequest body, HttpContext context, AdminAccess admins, IAuthsomeStore store, AppResolver apps, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await FindAsync(id, context, admins, store, apps, cancellationToken);
        var updated = account with
        {
            Name = body.Name is null ? account.Name : Name(body.Name),
            Description = body.Description is null ? account.Description : Description(body.Description),
            Disabled = body.Disabled ?? account.Disabled,
            UpdatedAt = time.GetStoreNow(),
        };
        await store.ServiceAccounts.UpdateAsync(updated, cancellationToken);
        return TypedResults.Ok(ServiceAccountResponse.From(updated));
    }

    private static async Task<NoContent> DeleteAsync(string id, HttpContext context, AdminAccess admins, IAuthsomeStore store, AppResolver apps, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var account = await FindAsync(id, context, admins, store, apps, cancellationToken);
        foreach (var key in await keys.ListAsync(ApiKeyOwner.Of(account.Id), cancellationToken))
        {
            await store.ApiKeys.DeleteAsync(key.Id, cancellationToken);
        }

        await store.ServiceAccounts.DeleteAsync(account.Id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<IssuedApiKeyResponse>> CreateKeyAsync(string id, CreateApiKeyRequest body, HttpContext context, AdminAccess admins, IAuthsomeStore store, AppResolver apps, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var account = await FindAsync(id, context, admins, store, apps, cancellationToken);
        var issued = await keys.CreateAsync(ApiKeyOwner.Of(account.Id), body.Name, body.Scopes, body.ExpiresAt, cancellationToken);
        return TypedResults.Created($"admin/service-accounts/{account.Id}/keys/{issued.Key.Id}", IssuedApiKeyResponse.From(issued));
    }

    private static async Task<Ok<ApiKeyResponse[]>> ListKeysAsync(string id, HttpContext context, AdminAccess admins, IAuthsomeStore store, AppResolver apps, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var account = await FindAsync(id, context, admins, store, apps, cancellationToken);
        return TypedResults.Ok((await keys.ListAsync(ApiKeyOwner.Of(account.Id), cancellationToken)).Select(ApiKeyResponse.From).ToArray());
    }

    private static async Task<NoContent> RevokeKeyAsync(string id, string keyId, HttpContext context, AdminAccess admins, IAuthsomeStore store, AppResolver apps, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var account = await FindAsync(id, context, admins, store, apps, cancellationToken);
        var key = await keys.FindAsync(ApiKeyOwner.Of(account.Id), keyId, cancellationToken) ?? throw new AuthsomeException(AuthsomeErrors.NotFound);
        if (!key.Revoked)
        {
            await keys.RevokeAsync(key, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<ServiceAccount> FindAsync(string id, HttpContext context, AdminAccess admins, IAuthsomeStore store, AppResolver apps, CancellationToken cancellationToken)
    {
        await admins.RequireAsync(context, Resource, cancellationToken);
        var app = await apps.GetAsync(cancellationToken);
        return Id<ServiceAccount>.TryParse(id, out var accountId) && await store.ServiceAccounts.GetAsync(accountId, cancellationToken) is { } account && account.AppId == app.AppId
            ? account
            : throw new AuthsomeException(AuthsomeErrors.NotFound);
    }

    private static string Name(string? value)
    {
        var name = InputRules.Required(value, "name").Trim();
        return name.Length <= MaxNameLength ? name : throw InputRules.Invalid("name", $"At most {MaxNameLength} characters.");
    }

    private static string? Description(string? value) =>
        value is { Length: > MaxDescriptionLength } ? throw InputRules.Invalid("description", $"At most {MaxDescriptionLength} characters.") : value;
}
