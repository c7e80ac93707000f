using Authsome.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace Authsome.Endpoints;

/// <summary>Conventions for routes that need a signed-in Authsome user (for plugins' routes too).</summary>
public static class AuthsomeEndpointConventions
{
    private static readonly AuthorizationPolicy SessionPolicy = new AuthorizationPolicyBuilder(AuthsomeAuthenticationDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .Build();

    /// <summary>Requires a valid Authsome session (bearer or cookie), whatever the application's default scheme is.</summary>
    public static TBuilder RequireAuthsomeSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(SessionPolicy);
}
