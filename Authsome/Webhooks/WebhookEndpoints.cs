using Authsome.Endpoints;
using Authsome.Accounts;
using Authsome.Authorization;
using Authsome.Errors;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Webhooks;

/// <summary>Webhook administration: needs the permission <c>manage</c> on <c>webhooks</c> (see <see cref="AdminAccess"/>).</summary>
internal static class WebhookEndpoints
{
    public const string Resource = "webhooks";
    private const string Tag = "Webhooks";

    public static void MapWebhookRoutes(this IEndpointRouteBuilder authenticated)
    {
        var group = authenticated.MapGroup("/webhooks").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapPost("/", CreateAsync).WithName("CreateWebhook").WithSummary("Add an endpoint; the answer holds its signing secret, shown only this once")
            .Accepts<CreateWebhookRequest>("application/json").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("The app's webhook endpoints (no secrets)");
        group.MapGet("/{id}", GetAsync).WithName("GetWebhook").WithSummary("One webhook endpoint").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id}", UpdateAsync).WithName("UpdateWebhook").WithSummary("Change an endpoint's URL, events or active flag")
            .Accepts<UpdateWebhookRequest>("application/json").ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Remove an endpoint and its deliveries").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/rotate-secret", RotateAsync).WithName("RotateWebhookSecret").WithSummary("Issue a new signing secret, shown only this once")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries").WithSummary("An endpoint's deliveries: status, attempts, response code, latency")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapPost("/{id}/deliveries/{deliveryId}/redeliver", RedeliverAsync).WithName("RedeliverWebhook").WithSummary("Send a delivery again")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<WebhookWithSecretResponse>> CreateAsync(CreateWebhookRequest body, HttpContext context, AdminAccess admins, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var admin = await admins.RequireAsync(context, Resource, cancellationToken);
        var created = await webhooks.CreateAsync(admin.User?.Id, body.Url, body.Events, body.Active, cancellationToken);
        return TypedResults.Created($"webhooks/{created.Webhook.Id}", WebhookWithSecretResponse.From(created));
    }

    private static async Task<Ok<WebhookResponse[]>> ListAsync(HttpContext context, AdminAccess admins, WebhookService webhooks, CancellationToken cancellationToken)
    {
        await admins.RequireAsync(context, Resource, cancellationToken);
        return TypedResults.Ok((await webhooks.ListAsync(cancellationToken)).Select(WebhookResponse.From).ToArray());
    }

    private static async Task<Ok<WebhookResponse>> GetAsync(string id, HttpContext context, AdminAccess admins, WebhookService webhooks, CancellationToken cancellationToken) =>
        TypedResults.Ok(WebhookResponse.From(await FindAsync(id, context, admins, webhooks, cancellationToken)));

    private static async Task<Ok<WebhookResponse>> UpdateAsync(string id, UpdateWebhookRequest body, HttpContext context, AdminAccess admins, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var webhook = await FindAsync(id, context, admins, webhooks, cancellationToken);
        return TypedResults.Ok(WebhookResponse.From(await webhooks.UpdateAsync(webhook, body.Url, body.Events, body.Active, cancellationToken)));
    }

    private static async Task<NoContent> DeleteAsync(string id, HttpContext context, AdminAccess admins, WebhookService webhooks, CancellationToken cancellationToken)
    {
        await webhooks.DeleteAsync(await FindAsync(id, context, admins, webhooks, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WebhookWithSecretResponse>> RotateAsync(string id, HttpContext context, AdminAccess admins, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var webhook = await FindAsync(id, context, admins, webhooks, cancellationToken);
        return TypedResults.Ok(WebhookWithSecretResponse.From(await webhooks.RotateSecretAsync(webhook, cancellationToken)));
    }

    private static async Task<Ok<WebhookDeliveryPage>> DeliveriesAsync(string id, string? cursor, int? limit, HttpContext context, AdminAccess admins, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var webhook = await FindAsync(id, context, admins, webhooks, cancellationToken);
        if (limit is < 1 or > PageRequest.MaxLimit)
        {
            throw InputRules.Invalid("limit", $"Between 1 and {PageRequest.MaxLimit}.");
        }

        Page<WebhookDelivery> page;
        try
        {
            page = await webhooks.ListDeliveriesAsync(webhook, new PageRequest(cursor, limit ?? PageRequest.DefaultLimit), cancellationToken);
        }
        catch (ArgumentException)
        {
            throw InputRules.Invalid("cursor", "Not a cursor of this list.");
        }

        return TypedResults.Ok(new WebhookDeliveryPage([.. page.Items.Select(WebhookDeliveryResponse.From)], page.NextCursor, page.Total));
    }

    private static async Task<Accepted> RedeliverAsync(string id, string deliveryId, HttpContext context, AdminAccess admins, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var webhook = await FindAsync(id, context, admins, webhooks, cancellationToken);
        return await webhooks.RedeliverAsync(webhook, deliveryId, cancellationToken)
            ? TypedResults.Accepted((string?)null)
            : throw new AuthsomeException(AuthsomeErrors.NotFound);
    }

    private static async Task<Webhook> FindAsync(string id, HttpContext context, AdminAccess admins, WebhookService webhooks, CancellationToken cancellationToken)
    {
        await admins.RequireAsync(context, Resource, cancellationToken);
        return await webhooks.FindAsync(id, cancellationToken) ?? throw new AuthsomeException(AuthsomeErrors.NotFound);
    }
}
