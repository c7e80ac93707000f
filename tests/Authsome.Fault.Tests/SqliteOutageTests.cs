using System.Net;
using System.Net.Http.Json;
using Authsome.Fault.Tests.Infrastructure;

namespace Authsome.Fault.Tests;

/// <summary>
/// A SQLite file that cannot be written (opened read-only, as when the file or its volume is made read-only; this
/// suite runs as root, which file permissions do not stop): writes answer 503, reads go on.
/// </summary>
public sealed class SqliteOutageTests
{
    [Fact]
    public async Task AReadOnlyDatabaseAnswers503OnWrites_AndKeepsSessionsWorking()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), $"authsome-fault-{Guid.NewGuid():N}.db");
        try
        {
            string token;
            await using (var api = await ApiProcess.StartAsync("sqlite", $"Data Source={file}"))
            {
                using var http = api.CreateClient();
                token = (await Traffic.SignUpAsync(http, Traffic.NewEmail(), ct))["session_token"]!.GetValue<string>();
            }

            await using var readOnly = await ApiProcess.StartAsync("sqlite", $"Data Source={file};Mode=ReadOnly", new Dictionary<string, string>
            {
                ["Authsome:MigrateOnStart"] = "false",
                ["Authsome:PurgeInterval"] = "1.00:00:00",
            });
            using var client = readOnly.CreateClient();
            using var signUp = await client.PostAsJsonAsync("/v1/auth/signup", new { email = Traffic.NewEmail(), password = Traffic.Password }, ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, signUp.StatusCode);
            Assert.NotNull(signUp.Headers.RetryAfter);

            using var me = await Probe.GetAsync(client, "/v1/auth/me", token);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
