using System.Diagnostics;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document passes Redocly's recommended lint (every protected operation declares its security, and
/// public ones declare none), and a TypeScript client generated from it (openapi-typescript) compiles. The tools are
/// installed from the npm registry by the test, at the versions pinned in client/package-lock.json.
/// </summary>
public sealed class OpenApiDocumentTests(MemoryHost fixture) : IClassFixture<MemoryHost>
{
    private static readonly string ClientFolder = Path.Combine(AppContext.BaseDirectory, "OpenApi", "client");

    [Fact]
    public async Task DocumentPassesRedoclyRecommendedLintAndGeneratesACompilingClient()
    {
        using var client = fixture.Host.CreateClient();
        var document = await client.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(ClientFolder, "openapi.json"), document, TestContext.Current.CancellationToken);

        if (!Directory.Exists(Path.Combine(ClientFolder, "node_modules")))
        {
            await RunAsync("npm", "ci --no-audit --no-fund");
        }

        await RunAsync("npx", "--no-install redocly lint --extends recommended --format stylish openapi.json");
        await RunAsync("npx", "--no-install openapi-typescript openapi.json --output api.d.ts");
        await RunAsync("npx", "--no-install tsc --project tsconfig.json");
    }

    private static async Task RunAsync(string tool, string arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            WorkingDirectory = ClientFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{tool} {arguments} exited {process.ExitCode}:\n{await output}\n{await error}");
    }
}
