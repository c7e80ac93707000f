using System.Text.Json;
using Authsome.Errors;
using Authsome.Passwords;
using Authsome.Telemetry;

namespace Authsome.Plugins.Password;

/// <summary>The engine's use of the password hasher and policy: timed into the hash-duration histogram, policy problems turned into <c>weak_password</c>.</summary>
internal sealed class PasswordService(IPasswordHasher hasher, IPasswordPolicy policy, AuthsomeMetrics metrics)
{
    /// <summary>Throws weak_password, listing the problems as snake_case codes, when the policy refuses the password.</summary>
    public void EnsureAcceptable(string password, string? email, string? username, string field)
    {
        var problems = policy.Validate(password, email, username);
        if (problems.Count > 0)
        {
            var codes = problems.Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.ToString())).Distinct().ToArray();
            throw new AuthsomeException(AuthsomeErrors.WeakPassword, "The password does not meet the password policy.",
                new Dictionary<string, object?> { ["problems"] = codes, ["errors"] = new Dictionary<string, string[]> { [field] = codes } });
        }
    }

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) =>
        metrics.TimeHashAsync("hash", () => hasher.HashAsync(password, cancellationToken));

    public ValueTask<PasswordVerificationResult> VerifyAsync(string password, string hash, CancellationToken cancellationToken) =>
        metrics.TimeHashAsync("verify", () => hasher.VerifyAsync(password, hash, cancellationToken));

    public ValueTask<bool> SimulateVerifyAsync(string password, CancellationToken cancellationToken) =>
        metrics.TimeHashAsync("verify", async () =>
        {
            await hasher.SimulateVerifyAsync(password, cancellationToken);
            return false;
        });
}
