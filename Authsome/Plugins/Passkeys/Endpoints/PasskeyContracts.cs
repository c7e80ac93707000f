using System.Text.Json;
using Authsome.Json;
using Authsome.Plugins.Passkeys.Store;
using Microsoft.AspNetCore.Http;

namespace Authsome.Plugins.Passkeys.Endpoints;

/// <summary>POST /passkeys/register/verify: the new credential (<c>credential.toJSON()</c>) and a name for it.</summary>
public sealed record PasskeyRegisterRequest
{
    public JsonElement? Credential { get; init; }
    public string? Name { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<PasskeyRegisterRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<PasskeyRegisterRequest>(context);
}

/// <summary>POST /passkeys/signin/options: optionally the account's email (<c>{}</c> for a discoverable sign-in).</summary>
public sealed record PasskeySignInOptionsRequest
{
    public string? Email { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<PasskeySignInOptionsRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<PasskeySignInOptionsRequest>(context);
}

/// <summary>POST /passkeys/signin/verify: the assertion (<c>credential.toJSON()</c>).</summary>
public sealed record PasskeySignInRequest
{
    public JsonElement? Credential { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<PasskeySignInRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<PasskeySignInRequest>(context);
}

/// <summary>PATCH /passkeys/{id}.</summary>
public sealed record PasskeyRenameRequest
{
    public string? Name { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<PasskeyRenameRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<PasskeyRenameRequest>(context);
}

/// <summary>A registered passkey (never its key material).</summary>
public sealed record PasskeyResponse(string Id, string Name, IReadOnlyList<string> Transports, bool BackedUp, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    internal static PasskeyResponse From(Passkey p) => new(p.Id.ToString(), p.Name, p.Transports, p.BackedUp, p.CreatedAt, p.LastUsedAt);
}
