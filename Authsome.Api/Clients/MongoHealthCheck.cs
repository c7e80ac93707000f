using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Microsoft.Extensions.Hosting;

/// <summary>Healthy when the server answers a <c>ping</c>.</summary>
internal sealed class MongoHealthCheck(IMongoClient client) : IHealthCheck
{
    private static readonly BsonDocumentCommand<BsonDocument> s_ping = new(new BsonDocument("ping", 1));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.GetDatabase("admin").RunCommandAsync(s_ping, cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is MongoException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The MongoDB server did not answer a ping.", exception);
        }
    }
}
