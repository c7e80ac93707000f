using Authsome;
using Authsome.ApiKeys;
using Authsome.Devices;
using Authsome.Endpoints;
using Authsome.Hooks;
using Authsome.Hosting;
using Authsome.RateLimiting;
using Authsome.ServiceAccounts;
using Authsome.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the engine's routes and adds the middleware they need.</summary>
public static class AuthsomeEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Adds the engine's middleware: problem answers for every failure on the engine's routes (never a stack trace),
    /// ASP.NET Core rate limiting (do not call <c>UseRateLimiter()</c> again), the password-hashing gate, then
    /// authentication and authorization, so that a request the limiter or the gate refuses never has its session read
    /// from the store. Call it before <see cref="MapAuthsome"/>.
    /// </summary>
    public static IApplicationBuilder UseAuthsome(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.ApplicationServices.GetRequiredService<AuthsomeMiddlewareMarker>().Added = true;
        app.UseMiddleware<Authsome.Errors.AuthsomeExceptionMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<Authsome.Passwords.PasswordHashingAdmissionMiddleware>();
        // Without these here, WebApplication adds both right after routing, ahead of everything above: every request
        // over its limit would still cost its session lookup. A host that calls them earlier keeps its own order.
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Maps the engine's routes, and every plugin's, under <c>Authsome:BasePath</c> (default <c>/v1/auth</c>). Returns the
    /// route group, so the host can add conventions to all of them at once.
    /// </summary>
    public static IEndpointConventionBuilder MapAuthsome(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (services.GetService<AuthsomeMiddlewareMarker>() is not { } marker)
        {
            throw new InvalidOperationException("MapAuthsome() needs the engine's services: call builder.Services.AddAuthsome(...) first.");
        }

        if (!marker.Added)
        {
            throw new InvalidOperationException("MapAuthsome() needs the engine's middleware: call app.UseAuthsome() before app.MapAuthsome().");
        }

        var options = services.GetRequiredService<IOptions<AuthsomeOptions>>().Value;
        var group = endpoints.MapGroup(options.BasePath)
            .WithMetadata(AuthsomeEndpointMetadata.Instance)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.General)
            .ProducesProblems(StatusCodes.Status429TooManyRequests, StatusCodes.Status500InternalServerError);
        ((IEndpointConventionBuilder)group).Finally(NoStore);
        var authenticated = group.MapGroup(string.Empty).RequireAuthsomeSession();

        group.MapSessionRoutes(authenticated);
        authenticated.MapMeRoutes();
        authenticated.MapApiKeyRoutes();
        authenticated.MapWebhookRoutes();
        authenticated.MapDeviceRoutes();
        authenticated.MapServiceAccountRoutes();
        group.MapVerificationRoutes();
        foreach (var plugin in services.GetServices<IAuthsomePlugin>())
        {
            plugin.MapRoutes(group);
        }

        return group;
    }

    // Answers carry tokens and user data: no browser or proxy cache may keep them (a handler may say otherwise, as
    // the JWKS does). Each endpoint's delegate is wrapped once it is built: an endpoint filter would put every handler
    // behind the filter pipeline, which costs each request an invocation context and a boxed result.
    private static void NoStore(EndpointBuilder endpoint)
    {
        if (endpoint.RequestDelegate is { } handler)
        {
            endpoint.RequestDelegate = context =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return handler(context);
            };
        }
    }
}
