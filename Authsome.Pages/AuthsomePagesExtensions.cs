using Authsome.Pages;
using Authsome.Pages.Routes;
using Authsome.Pages.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Registers and maps Authsome's hosted pages.</summary>
public static class AuthsomePagesExtensions
{
    /// <summary>
    /// Adds the hosted pages' services (Razor component rendering, anti-forgery) and their settings from
    /// <c>Authsome:Pages</c>. The engine (<c>AddAuthsome</c>) and its authentication scheme must be added too.
    /// </summary>
    public static IServiceCollection AddAuthsomePages(this IServiceCollection services, Action<AuthsomePagesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AuthsomePagesOptions>().BindConfiguration(AuthsomePagesOptions.Section).ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthsomePagesOptions>, AuthsomePagesOptionsValidator>());
        services.AddRazorComponents();
        services.AddAntiforgery();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<AntiforgeryOptions>, PagesAntiforgerySetup>());
        services.TryAddSingleton<PagesBranding>();
        services.TryAddSingleton<ReturnUrls>();
        services.TryAddSingleton<PageSessions>();
        services.TryAddSingleton<PageRenderer>();
        services.TryAddSingleton<PageSecurityHeaders>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<RateLimiterOptions>, PageRateLimitRejection>());
        return services;
    }

    /// <summary>
    /// Maps the hosted pages under <c>Authsome:Pages:Path</c> (default <c>/auth</c>): sign-in, sign-up, email
    /// verification, forgot and reset password, the account page (sessions, devices, API keys), organization invitations
    /// and branding, and, when their plugins are added, two-step verification, magic links, social sign-in and linked
    /// accounts, and passkeys; and the stylesheets and the passkey script. A rate-limited page request gets a page. Call it
    /// after <c>UseAuthsome()</c>, whose rate limiter the pages share with the JSON routes. Returns the route group.
    /// </summary>
    public static IEndpointConventionBuilder MapAuthsomePages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (services.GetService<PageRenderer>() is null)
        {
            throw new InvalidOperationException("MapAuthsomePages() needs the pages' services: call builder.Services.AddAuthsomePages() first.");
        }

        var options = services.GetRequiredService<IOptions<AuthsomePagesOptions>>().Value;
        var pages = endpoints.MapGroup(options.Path)
            .AddEndpointFilter(services.GetRequiredService<PageSecurityHeaders>())
            .RequireRateLimiting(Authsome.RateLimiting.AuthsomeRateLimitPolicies.General)
            .WithMetadata(new PageEndpoint())
            .ExcludeFromDescription();
        pages.MapAssetPages();
        pages.MapSignInPages();
        pages.MapSignUpPages();
        pages.MapVerificationPages();
        pages.MapPasswordPages();
        pages.MapAccountPages();
        pages.MapDevicePages();
        pages.MapApiKeyPages();
        pages.MapInvitationPages();
        pages.MapOrganizationBrandingPages();
        var registered = services.GetRequiredService<IServiceProviderIsService>();
        if (registered.IsService(typeof(Authsome.Plugins.Mfa.MfaService)))
        {
            pages.MapMfaPages();
        }

        if (registered.IsService(typeof(Authsome.Plugins.MagicLink.MagicLinkService)))
        {
            pages.MapMagicLinkPages();
        }

        if (registered.IsService(typeof(Authsome.Plugins.Social.SocialService)))
        {
            pages.MapSocialPages();
            pages.MapLinkedAccountPages();
        }

        if (registered.IsService(typeof(Authsome.Plugins.Passkeys.PasskeyService)))
        {
            pages.MapPasskeyPages();
        }

        return pages;
    }

    /// <summary>Answers <c>GET /</c> with a short page pointing to the hosted pages and the API reference (meant for Development).</summary>
    public static IEndpointConventionBuilder MapAuthsomeWelcome(this IEndpointRouteBuilder endpoints, string apiReference = "/scalar")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var path = endpoints.ServiceProvider.GetRequiredService<IOptions<AuthsomePagesOptions>>().Value.Path.TrimEnd('/');
        return endpoints.MapGet("/", (HttpContext context, PageRenderer pages) => pages.RenderAsync<Authsome.Pages.Components.Welcome>(context, "Authsome is running", new()
            {
                ["PagesPath"] = context.Request.PathBase + path,
                ["ApiReference"] = context.Request.PathBase + apiReference,
            }))
            .AddEndpointFilter(endpoints.ServiceProvider.GetRequiredService<PageSecurityHeaders>())
            .ExcludeFromDescription();
    }
}
