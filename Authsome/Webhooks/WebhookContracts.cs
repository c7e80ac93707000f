using System.Collections.Immutable;
using Authsome.Json;
using Authsome.Store;
using Microsoft.AspNetCore.Http;

namespace Authsome.Webhooks;

/// <summary>POST /webhooks.</summary>
public sealed record CreateWebhookRequest
{
    public string? Url { get; init; }
    public IReadOnlyList<string>? Events { get; init; }
    public bool? Active { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<CreateWebhookRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<CreateWebhookRequest>(context);
}

/// <summary>PATCH /webhooks/{id}: only the members given change.</summary>
public sealed record UpdateWebhookRequest
{
    public string? Url { get; init; }
    public IReadOnlyList<string>? Events { get; init; }
    public bool? Active { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<UpdateWebhookRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<UpdateWebhookRequest>(context);
}

/// <summary>A webhook endpoint, never its secret.</summary>
public record WebhookResponse
{
    public required string Id { get; init; }
    public required string Url { get; init; }
    public required ImmutableArray<string> Events { get; init; }
    public required bool Active { get; init; }

    /// <summary>Since when every attempt has failed; null while the endpoint answers.</summary>
    public DateTimeOffset? FailingSince { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    internal static WebhookResponse From(Webhook webhook) => new()
    {
        Id = webhook.Id.ToString(),
        Url = webhook.Url,
        Events = webhook.Events,
        Active = webhook.Active,
        FailingSince = webhook.FailingSince,
        CreatedAt = webhook.CreatedAt,
        UpdatedAt = webhook.UpdatedAt,
    };
}

/// <summary>A webhook just made or re-keyed: the only answer that holds its signing secret.</summary>
public sealed record WebhookWithSecretResponse : WebhookResponse
{
    /// <summary>The Standard Webhooks signing secret (<c>whsec_...</c>); store it now, it is not shown again.</summary>
    public required string Secret { get; init; }

    internal static WebhookWithSecretResponse From(WebhookWithSecret created)
    {
        var w = WebhookResponse.From(created.Webhook);
        return new WebhookWithSecretResponse
        {
            Id = w.Id,
            Url = w.Url,
            Events = w.Events,
            Active = w.Active,
            FailingSince = w.FailingSince,
            CreatedAt = w.CreatedAt,
            UpdatedAt = w.UpdatedAt,
            Secret = created.Secret,
        };
    }
}

/// <summary>One event on its way to one endpoint, and how its last attempt went.</summary>
public sealed record WebhookDeliveryResponse
{
    public required string Id { get; init; }
    public required string EventId { get; init; }
    public required string EventType { get; init; }
    public required WebhookDeliveryStatus Status { get; init; }
    public required int Attempts { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public int? ResponseStatus { get; init; }
    public int? LatencyMs { get; init; }

    /// <summary>The start of the last answer's body.</summary>
    public string? ResponseBody { get; init; }
    public string? Error { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    internal static WebhookDeliveryResponse From(WebhookDelivery d) => new()
    {
        Id = d.Id.ToString(),
        EventId = d.EventId,
        EventType = d.EventType,
        Status = d.Status,
        Attempts = d.Attempts,
        NextAttemptAt = d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null,
        LastAttemptAt = d.LastAttemptAt,
        ResponseStatus = d.ResponseStatus,
        LatencyMs = d.LatencyMs,
        ResponseBody = d.ResponseBody,
        Error = d.Error,
        CreatedAt = d.CreatedAt,
    };
}

/// <summary>A page of deliveries, oldest first.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryResponse> Items, string? NextCursor, long Total);
