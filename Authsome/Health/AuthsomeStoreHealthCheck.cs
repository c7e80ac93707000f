using Authsome.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Authsome.Health;

/// <summary>
/// The <c>authsome-store</c> readiness check: the store answers a ping and its schema is what this build expects.
/// The schema status is cached for a few seconds so that frequent probes do not load the database.
/// </summary>
internal sealed class AuthsomeStoreHealthCheck(IAuthsomeStore store, IAuthsomeMigrator migrator, TimeProvider time) : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "authsome-store";

    private static readonly TimeSpan StatusCacheTime = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (DateTimeOffset At, bool UpToDate, int Pending)? cached;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            var (upToDate, pending) = await GetSchemaStatusAsync(cancellationToken);
            return upToDate
                ? HealthCheckResult.Healthy("The store answers and its schema is up to date.")
                : new HealthCheckResult(context.Registration.FailureStatus, $"The store's schema has {pending} pending migrations.");
        }
        catch (StoreException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The store is unavailable.", ex);
        }
    }

    private async Task<(bool UpToDate, int Pending)> GetSchemaStatusAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (cached is { } c && now - c.At < StatusCacheTime)
            {
                return (c.UpToDate, c.Pending);
            }

            var status = await migrator.GetStatusAsync(cancellationToken);
            var pending = status.Pending.Count();
            cached = (now, status.IsUpToDate, pending);
            return (status.IsUpToDate, pending);
        }
        finally
        {
            gate.Release();
        }
    }
}
