using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Hosting;
using Npgsql;

namespace Authsome.Api.Tests.MachineAccess;

/// <summary>
/// An API key that cannot be checked because the store does not answer is not a refused key: 503 with Retry-After,
/// never 401 (a client that drops its key on 401 would lose it to an outage). The outage is a real one: the key's table
/// is locked by another transaction, so the lookup runs into its command timeout.
/// </summary>
public sealed class ApiKeyOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKeyLookupWhileTheStoreDoesNotAnswer_Gets503StoreUnavailable_AndWorksAgainAfter()
    {
        var database = await TestPostgresServer.CreateDatabaseAsync("api_key_outage", Ct);
        await using var host = await ApiHost.StartAsync(Backend.Postgres, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:authsome"] = database + ";Command Timeout=2",
        });
        using var client = host.CreateClient();
        var owner = await client.SignUpAsync();
        var secret = (await client.PostAsync("/keys", new { name = "outage" }, owner.AccessToken)).Str("secret")!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", secret)).Status);

        await using (var blocker = new NpgsqlConnection(database))
        {
            await blocker.OpenAsync(Ct);
            await using var transaction = await blocker.BeginTransactionAsync(Ct);
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE authsome_api_keys IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            {
                await lockTable.ExecuteNonQueryAsync(Ct);
            }

            var during = await client.GetAsync("/me", secret);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.Status);
            Assert.Equal("store_unavailable", during.Code);
            Assert.NotNull(during.Headers.RetryAfter);
            Assert.Empty(during.Headers.WwwAuthenticate);
            await transaction.RollbackAsync(Ct);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", secret)).Status);
    }
}
