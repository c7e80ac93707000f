using System.Globalization;
using System.Threading.RateLimiting;
using Authsome.Errors;
using Authsome.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Authsome.RateLimiting;

/// <summary>
/// Configures ASP.NET Core rate limiting for the engine: a fixed window per policy, partitioned by client (IPv6 by /64, see
/// <see cref="ClientKeys"/>) (and, for the general policy, by route too, so a busy route cannot starve another). Rejections are 429
/// <c>rate_limited</c> problems with Retry-After. Limits are read from <c>Authsome:RateLimits</c> on each request; a
/// changed limit starts a new window. These limits are per process; the limits that protect accounts are kept in the store (see
/// <c>Authsome:RateLimits:PerAccount</c>). Behind a proxy, use the forwarded-headers middleware so the client IP is the real one.
/// </summary>
internal sealed class RateLimitingSetup(IOptionsMonitor<AuthsomeOptions> options) : IConfigureOptions<RateLimiterOptions>
{
    public void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = OnRejectedAsync;
        limiter.AddPolicy(AuthsomeRateLimitPolicies.General, context => Partition(context, AuthsomeRateLimitPolicies.General, s => s.General, perRoute: true));
        limiter.AddPolicy(AuthsomeRateLimitPolicies.SignIn, context => Partition(context, AuthsomeRateLimitPolicies.SignIn, s => s.SignIn, perRoute: false));
        limiter.AddPolicy(AuthsomeRateLimitPolicies.SignUp, context => Partition(context, AuthsomeRateLimitPolicies.SignUp, s => s.SignUp, perRoute: false));
        limiter.AddPolicy(AuthsomeRateLimitPolicies.Refresh, context => Partition(context, AuthsomeRateLimitPolicies.Refresh, s => s.Refresh, perRoute: false));
        limiter.AddPolicy(AuthsomeRateLimitPolicies.PasswordReset, context => Partition(context, AuthsomeRateLimitPolicies.PasswordReset, s => s.PasswordReset, perRoute: false));
        limiter.AddPolicy(AuthsomeRateLimitPolicies.Verification, context => Partition(context, AuthsomeRateLimitPolicies.Verification, s => s.Verification, perRoute: false));
    }

    // Runs on every request: the key is a struct (no key string formatted per request), and the limits travel in
    // it, so the limiter's factory is a static lambda rather than a closure allocated per call.
    private RateLimitPartition<PartitionKey> Partition(HttpContext context, string policy, Func<RateLimitSettings, RateLimitRule> rule, bool perRoute)
    {
        var settings = options.CurrentValue.RateLimits;
        return FixedWindow(context, policy, settings.Enabled, rule(settings), perRoute);
    }

    /// <summary>A fixed-window partition per client IP (and route, when <paramref name="perRoute"/>); a plugin's policy uses it too.</summary>
    internal static RateLimitPartition<PartitionKey> FixedWindow(HttpContext context, string policy, bool enabled, RateLimitRule chosen, bool perRoute)
    {
        var client = ClientKeys.Of(context.Connection.RemoteIpAddress);
        var route = perRoute ? (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty : string.Empty;
        if (!enabled)
        {
            return RateLimitPartition.GetNoLimiter(new PartitionKey(policy, context.Request.Method, route, client, 0, TimeSpan.Zero));
        }

        return RateLimitPartition.GetFixedWindowLimiter(
            new PartitionKey(policy, context.Request.Method, route, client, chosen.PermitLimit, chosen.Window),
            static key => new FixedWindowRateLimiterOptions
            {
                PermitLimit = key.PermitLimit,
                Window = key.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }

    /// <summary>One fixed window: a policy, for one client (and route), with its limits.</summary>
    internal readonly record struct PartitionKey(string Policy, string Method, string Route, string Client, int PermitLimit, TimeSpan Window);

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        int? retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : null;
        await ProblemResponses.WriteAsync(context.HttpContext, AuthsomeErrors.RateLimited,
            retryAfter is { } seconds
                ? string.Create(CultureInfo.InvariantCulture, $"Too many requests; retry in {seconds} seconds.")
                : "Too many requests; retry later.",
            retryAfterSeconds: retryAfter);
    }
}
