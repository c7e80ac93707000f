using Aspire.Hosting.Testing;

namespace Authsome.AppHost.Tests;

/// <summary>
/// Builds the real AppHost with Aspire.Hosting.Testing: no database is configured, and no container runtime runs here,
/// so its PostgreSQL is the local-binaries resource. Resource ports are random (the testing default) and so are the
/// dashboard's, so several runs on one machine do not collide.
/// </summary>
internal static class AppHostFactory
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync(bool dashboard, CancellationToken cancellationToken, params string[] args)
    {
        string[] endpoints =
        [
            $"--ASPNETCORE_URLS={FreePorts.Url()}",
            $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL={FreePorts.Url()}",
            $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL={FreePorts.Url()}",
        ];
        return await DistributedApplicationTestingBuilder.CreateAsync<Projects.Authsome_AppHost>(
            [.. endpoints, .. args],
            (options, _) => options.DisableDashboard = !dashboard,
            cancellationToken);
    }
}
