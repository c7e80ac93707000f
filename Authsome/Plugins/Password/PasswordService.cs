using System.Text.Json;
using Authsome.Errors;
using Authsome.Passwords;

namespace Authsome.Plugins.Password;

/// <summary>The engine's use of the password hasher and policy (which time themselves into the hash-duration histogram): policy problems become <c>weak_password</c>.</summary>
internal sealed class PasswordService(IPasswordHasher hasher, IPasswordPolicy policy)
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
        hasher.HashAsync(password, cancellationToken);

    public ValueTask<PasswordVerificationResult> VerifyAsync(string password, string hash, CancellationToken cancellationToken) =>
        hasher.VerifyAsync(password, hash, cancellationToken);

    public ValueTask SimulateVerifyAsync(string password, CancellationToken cancellationToken) =>
        hasher.SimulateVerifyAsync(password, cancellationToken);
}
