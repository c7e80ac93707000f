using Authsome.Errors;
using Authsome.Passwords;
using Authsome.Store;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Password.History;

/// <summary>Refuses a new password that matches the current one or one of the last few (checked against their hashes), and records replaced hashes.</summary>
internal sealed class PasswordHistory(IPasswordHistoryStore store, IPasswordHasher hasher, IOptionsMonitor<PasswordPluginOptions> options)
{
    /// <summary>Throws password_reused when <paramref name="newPassword"/> is the current password or a recent one.</summary>
    public async ValueTask EnsureNotReusedAsync(User user, string newPassword, string field, CancellationToken cancellationToken)
    {
        var length = options.CurrentValue.HistoryLength;
        if (length == 0)
        {
            return;
        }

        var hashes = new List<string>(length);
        if (user.PasswordHash is { } current)
        {
            hashes.Add(current);
        }

        if (length > hashes.Count)
        {
            hashes.AddRange((await store.GetRecentAsync(user.Id, length - hashes.Count, cancellationToken)).Select(e => e.PasswordHash));
        }

        foreach (var hash in hashes)
        {
            if (await hasher.VerifyAsync(newPassword, hash, cancellationToken) != PasswordVerificationResult.Failed)
            {
                throw new AuthsomeException(AuthsomeErrors.PasswordReused, $"Choose a password you have not used for your last {length} passwords.",
                    new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = ["Used recently."] } });
            }
        }
    }

    /// <summary>Records the hash a user just stopped using.</summary>
    public async ValueTask RecordReplacedAsync(User user, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var length = options.CurrentValue.HistoryLength;
        if (length > 1 && user.PasswordHash is { } replaced)
        {
            // The current hash lives on the user, so the table needs one fewer than the history length.
            await store.AddAsync(user.Id, new PasswordHistoryEntry(replaced, at), length - 1, cancellationToken);
        }
    }
}
