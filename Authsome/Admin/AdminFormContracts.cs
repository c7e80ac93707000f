using Authsome.Json;
using Authsome.Store;
using Microsoft.AspNetCore.Http;

namespace Authsome.Admin;

/// <summary>PUT /admin/apps/{id}/forms/{form_type}: the form's extra fields, replacing what it had.</summary>
public sealed record FormConfigRequest
{
    public IReadOnlyList<FormFieldBody?>? Fields { get; init; }

    /// <summary>False keeps the config but shows none of its fields; true when left out.</summary>
    public bool? Active { get; init; }

    public static ValueTask<FormConfigRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<FormConfigRequest>(context);
}

/// <summary>One field of a form config as sent: a key (the user's metadata key), a label, a type and its rules.</summary>
public sealed record FormFieldBody
{
    public string? Key { get; init; }
    public string? Label { get; init; }

    /// <summary>text, email, number, checkbox, tel, url or date.</summary>
    public string? Type { get; init; }

    /// <summary>Where the field shows, lowest first; ties by key.</summary>
    public int? Order { get; init; }
    public FormFieldValidation? Validation { get; init; }
}

/// <summary>An app's form config; <c>version</c> counts its replacements.</summary>
public sealed record FormConfigResponse(string Id, string AppId, string FormType, IReadOnlyList<FormField> Fields, bool Active, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal static FormConfigResponse From(FormConfig config) =>
        new(config.Id.ToString(), config.AppId.ToString(), config.FormType, config.Fields, config.Active, config.Version, config.CreatedAt, config.UpdatedAt);
}
