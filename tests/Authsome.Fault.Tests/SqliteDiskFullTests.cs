using System.Net;
using System.Net.Http.Json;
using Authsome.Fault.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Authsome.Fault.Tests;

/// <summary>
/// The disk under a SQLite database fills up while the API runs (a small tmpfs and a filler file), then space returns.
/// </summary>
public sealed class SqliteDiskFullTests
{
    [Fact]
    public async Task AFullDiskAnswers503OnWrites_LosesAndCorruptsNothing_AndRecoversWhenSpaceReturns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var volume = await SmallVolume.MountAsync(megabytes: 16, ct);
        var connectionString = $"Data Source={Path.Combine(volume.Path, "authsome.db")}";
        var signedUp = new List<string>();
        await using (var api = await ApiProcess.StartAsync("sqlite", connectionString, new Dictionary<string, string> { ["Authsome:PurgeInterval"] = "1.00:00:00" }))
        {
            using var http = api.CreateClient();
            var email = Traffic.NewEmail();
            var token = (await Traffic.SignUpAsync(http, email, ct))["session_token"]!.GetValue<string>();
            signedUp.Add(email);

            Assert.True(volume.Fill() > 0);

            // The WAL may still have room for a few writes; then every write is refused, each with a 503 problem.
            HttpResponseMessage? refused = null;
            for (var attempt = 0; attempt < 500 && refused is null; attempt++)
            {
                var next = Traffic.NewEmail();
                var response = await http.PostAsJsonAsync("/v1/auth/signup", new { email = next, password = Traffic.Password }, ct);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    signedUp.Add(next);
                    response.Dispose();
                }
                else
                {
                    refused = response;
                }
            }

            Assert.NotNull(refused);
            using (refused)
            {
                await ProblemAssert.UnavailableAsync(refused);
            }

            // Signed-in users are not signed out: reading a session either works or is the same 503, never 401 or 500.
            using (var me = await Probe.GetAsync(http, "/v1/auth/me", token))
            {
                if (me.StatusCode != HttpStatusCode.OK)
                {
                    await ProblemAssert.UnavailableAsync(me);
                }
            }

            volume.Free();
            var recovered = Traffic.NewEmail();
            await Traffic.SignUpAsync(http, recovered, ct);
            signedUp.Add(recovered);
            using (var me = await Probe.GetAsync(http, "/v1/auth/me", token))
            {
                Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            }
        }

        // Every answered sign-up is there with its session, and the file is sound.
        await Consistency.AssertSqliteAsync(connectionString, signedUp, ct);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync(ct));
    }
}
