using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Authsome.Bench.Floor;
using Npgsql;

// GET /me with nothing but what any server that keeps revocation immediate must do per request: read the bearer
// token, hash it, run the store's session-and-user join (one prepared statement, positional parameter), read every
// column it returns by ordinal, check the session's expiry and write the fields /me answers as JSON. The bench runs it
// beside the API on the same database and cores: what the engine costs above this is the engine's; what this costs is
// the stack's (Kestrel, sockets, Npgsql, the runtime).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = new NpgsqlConnectionStringBuilder(
    builder.Configuration.GetConnectionString("authsome") ?? throw new InvalidOperationException("ConnectionStrings:authsome is not set."))
{
    // As the store's defaults (PostgresConnectionString): statements prepared on first use, no reset on return.
    MaxAutoPrepare = 64,
    NoResetOnClose = true,
};
await using var dataSource = NpgsqlDataSource.Create(connectionString.ConnectionString);

var app = builder.Build();
app.MapGet("/v1/auth/me", async (HttpContext context) =>
{
    var header = context.Request.Headers.Authorization.ToString();
    if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return;
    }

    var tokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(header[7..])));
    await using var command = dataSource.CreateCommand(FloorRow.Query);
    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tokenHash });
    await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
    var row = await reader.ReadAsync(context.RequestAborted) ? FloorRow.Read(reader) : null;
    if (row is null || row.ExpiresAt <= DateTime.UtcNow)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return;
    }

    context.Response.ContentType = "application/json";
    await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
    row.WriteUser(json);
    await json.FlushAsync(context.RequestAborted);
});

await app.RunAsync();
