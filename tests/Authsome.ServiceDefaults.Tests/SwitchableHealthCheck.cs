using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Authsome.ServiceDefaults.Tests;

/// <summary>A readiness check the test turns on and off, standing in for the store's.</summary>
internal sealed class SwitchableHealthCheck : IHealthCheck
{
    private volatile bool _healthy = true;

    public bool Healthy
    {
        get => _healthy;
        set => _healthy = value;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_healthy ? HealthCheckResult.Healthy("up") : HealthCheckResult.Unhealthy("database unreachable: secret detail"));
}
