using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Authsome.AppHost.Tests;

/// <summary>
/// The AppHost on this machine with a throw-away local PostgreSQL cluster: start-up order, sign-up and sign-in through
/// the API, readiness following the database, a failing migrator, and nothing left running after Ctrl+C.
/// </summary>
public sealed class EndToEndTests
{
    private static readonly TimeSpan s_exitTimeout = TimeSpan.FromMinutes(2);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_StartsMigratorThenServingApiAndLeavesNothingRunning_AfterCtrlC()
    {
        await using var appHost = AppHostProcess.Start();
        var api = await appHost.WaitForApiAsync();

        var lines = appHost.Lines;
        var migratorDone = IndexOf(lines, "migrator completed with exit code 0");
        var apiStarted = IndexOf(lines, "api started (process");
        Assert.True(migratorDone >= 0 && apiStarted > migratorDone, $"the API must start after the migrator completed:\n{appHost.Output}");

        using var http = new HttpClient { BaseAddress = api };
        var email = $"ada.{Guid.NewGuid():N}@example.com";
        using var signUp = await http.PostAsJsonAsync("/v1/auth/signup", new { email, password = "Correct-Horse-42" }, Ct);
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        using var signIn = await http.PostAsJsonAsync("/v1/auth/signin", new { email, password = "Correct-Horse-42" }, Ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using var session = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync(Ct));
        Assert.False(string.IsNullOrEmpty(session.RootElement.GetProperty("session_token").GetString()));

        await AssertInterruptLeavesNothingAsync(appHost);
    }

    [Fact]
    public async Task Readiness_Answers503Then200_WhenDatabaseIsDownThenBack()
    {
        await using var appHost = AppHostProcess.Start();
        var api = await appHost.WaitForApiAsync();
        var (data, bin) = appHost.Cluster();
        using var http = new HttpClient { BaseAddress = api };

        Assert.Equal(HttpStatusCode.OK, await HealthAsync(http));
        await PgCtlAsync(bin, "stop", "--pgdata", data, "--mode", "fast", "--wait");
        await WaitForHealthAsync(http, HttpStatusCode.ServiceUnavailable);

        await PgCtlAsync(bin, "start", "--pgdata", data, "--log", Path.Combine(Path.GetDirectoryName(data)!, "restart.log"), "--wait");
        await WaitForHealthAsync(http, HttpStatusCode.OK);

        await AssertInterruptLeavesNothingAsync(appHost);
    }

    [Fact]
    public async Task Run_KeepsApiFromStartingAndFails_WhenMigratorFails()
    {
        // The children inherit the AppHost's environment: an invalid engine setting makes the migrator fail.
        await using var appHost = AppHostProcess.Start(new Dictionary<string, string> { ["Authsome__Store__Provider"] = "bogus" });

        var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(4));

        Assert.True(exitCode != 0, appHost.Output);
        Assert.Contains("migrator exited with code 1 (expected 0), so api is not started", appHost.Output, StringComparison.Ordinal);
        Assert.Contains("Last lines of migrator:", appHost.Output, StringComparison.Ordinal);
        Assert.Contains("Authsome:Store:Provider must be one of", appHost.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("api started", appHost.Output, StringComparison.Ordinal);
        AssertNothingLeft(appHost);
    }

    private static async Task AssertInterruptLeavesNothingAsync(AppHostProcess appHost)
    {
        var signal = await appHost.InterruptAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"Stopped the AppHost with SIG{signal}.");
        var exitCode = await appHost.WaitForExitAsync(s_exitTimeout);

        Assert.True(exitCode == 0, appHost.Output);
        AssertNothingLeft(appHost);
    }

    private static void AssertNothingLeft(AppHostProcess appHost)
    {
        Assert.All(appHost.ChildProcessIds, pid => Assert.False(AppHostProcess.IsRunning(pid), $"process {pid} is still running"));
        var (data, _) = appHost.Cluster();
        Assert.False(Directory.Exists(Path.GetDirectoryName(data)), $"the cluster directory {Path.GetDirectoryName(data)} is still there");
        Assert.False(AppHostProcess.IsServerRunning(data), "a PostgreSQL server still runs over the cluster's data directory");
    }

    private static async Task<HttpStatusCode> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health", Ct);
        return response.StatusCode;
    }

    private static async Task WaitForHealthAsync(HttpClient http, HttpStatusCode expected)
    {
        var started = Stopwatch.StartNew();
        var last = HttpStatusCode.OK;
        while (started.Elapsed < TimeSpan.FromSeconds(90))
        {
            last = await HealthAsync(http);
            if (last == expected)
            {
                return;
            }

            await Task.Delay(500, Ct);
        }

        Assert.Fail($"/health answered {last}, not {expected}, for 90 seconds.");
    }

    /// <summary>Runs pg_ctl as the cluster's owner (the postgres user when the tests run as root, as the cluster does).</summary>
    private static async Task PgCtlAsync(string bin, params string[] args)
    {
        var pgCtl = Path.Combine(bin, "pg_ctl");
        var start = Environment.IsPrivilegedProcess ? new ProcessStartInfo("runuser") : new ProcessStartInfo(pgCtl);
        if (Environment.IsPrivilegedProcess)
        {
            foreach (var arg in (string[])["-u", "postgres", "--", pgCtl])
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct) + await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"pg_ctl {string.Join(' ', args)} failed: {output}");
    }

    private static int IndexOf(IReadOnlyList<string> lines, string text) =>
        lines.ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal));
}
