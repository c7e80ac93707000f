using System.Diagnostics.Metrics;

namespace Authsome.Telemetry;

/// <summary>The engine's instruments on the <c>Authsome</c> Meter.</summary>
internal sealed class AuthsomeMetrics
{
    private readonly Counter<long> signIns;
    private readonly Counter<long> signInFailures;
    private readonly Counter<long> signUps;
    private readonly Counter<long> lockouts;
    private readonly Counter<long> refreshes;
    private readonly Counter<long> tokenReuse;
    private readonly Counter<long> hashingShed;
    private readonly UpDownCounter<long> activeSessions;

    public AuthsomeMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(AuthsomeTelemetry.Name);
        signIns = meter.CreateCounter<long>("authsome.sign_ins", "{sign_in}", "Successful sign-ins.");
        signInFailures = meter.CreateCounter<long>("authsome.sign_in.failures", "{failure}", "Failed sign-ins, by reason.");
        signUps = meter.CreateCounter<long>("authsome.sign_ups", "{sign_up}", "Accounts created.");
        lockouts = meter.CreateCounter<long>("authsome.lockouts", "{lockout}", "Accounts locked after repeated failed sign-ins.");
        refreshes = meter.CreateCounter<long>("authsome.refreshes", "{refresh}", "Sessions refreshed.");
        tokenReuse = meter.CreateCounter<long>("authsome.refresh_token.reuse", "{reuse}", "Rotated-out refresh tokens presented again (session families revoked).");
        hashingShed = meter.CreateCounter<long>("authsome.password_hashing.shed", "{request}", "Requests refused with 503 before any work because password hashing was saturated.");
        activeSessions = meter.CreateUpDownCounter<long>("authsome.sessions.active", "{session}", "Sessions created minus sessions ended by this process.");
    }

    public void SignIn(string method) => signIns.Add(1, new KeyValuePair<string, object?>("authsome.method", method));

    public void SignInFailed(string reason) => signInFailures.Add(1, new KeyValuePair<string, object?>("authsome.reason", reason));

    public void SignUp(string method) => signUps.Add(1, new KeyValuePair<string, object?>("authsome.method", method));

    public void Lockout() => lockouts.Add(1);

    public void Refresh() => refreshes.Add(1);

    public void TokenReuse() => tokenReuse.Add(1);

    public void HashingShed() => hashingShed.Add(1);

    public void SessionsStarted(int count = 1) => activeSessions.Add(count);

    public void SessionsEnded(int count)
    {
        if (count > 0)
        {
            activeSessions.Add(-count);
        }
    }
}
