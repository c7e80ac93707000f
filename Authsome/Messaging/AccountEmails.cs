using System.Globalization;
using Authsome.Email;

namespace Authsome.Messaging;

/// <summary>The mails the engine sends about accounts. Plain text; links only when the host configured a template.</summary>
internal static class AccountEmails
{
    /// <summary>The notification type of each mail: what the per-account cap counts, and what an outbox row says it is.</summary>
    public static class Types
    {
        public const string Verification = "verify_email";
        public const string AccountExists = "account_exists";
        public const string PasswordReset = "password_reset";
        public const string PasswordChanged = "password_changed";
        public const string LockedOut = "locked_out";
        public const string WebhookDisabled = "webhook_disabled";
        public const string Invitation = "invitation";
    }

    public static EmailMessage Verification(string to, string token, string code, string? linkTemplate, TimeSpan ttl) =>
        new(to, "Verify your email address",
            $"""
            Confirm that this address is yours{LinkOrToken(linkTemplate, token, " by opening this link:")}

            Or enter this code: {code}

            The link and code work for {Describe(ttl)} and only once. If you did not sign up, ignore this mail.
            """);

    public static EmailMessage AccountExists(string to) =>
        new(to, "Someone tried to sign up with your email address",
            """
            Someone (perhaps you) tried to create an account with this email address, which already has one.

            If it was you, sign in instead, or reset your password if you have forgotten it.
            If it was not you, you can ignore this mail: nothing was changed.
            """);

    public static EmailMessage PasswordReset(string to, string token, string? linkTemplate, TimeSpan ttl) =>
        new(to, "Reset your password",
            $"""
            Someone asked to reset the password of your account{LinkOrToken(linkTemplate, token, ". To choose a new password, open this link:")}

            It works for {Describe(ttl)} and only once. If you did not ask, ignore this mail: your password is unchanged.
            """);

    public static EmailMessage PasswordChanged(string to) =>
        new(to, "Your password was changed",
            """
            The password of your account was just changed, and your other sessions were signed out.

            If you did not do this, reset your password now.
            """);

    public static EmailMessage LockedOut(string to, DateTimeOffset until) =>
        new(to, "Sign-in to your account is paused",
            $"""
            There were several failed attempts to sign in to your account, so password sign-in is paused until
            {until.ToString("u", CultureInfo.InvariantCulture)}.

            If these attempts were not yours, someone may be guessing your password. Resetting your password ends the pause at once.
            """);

    public static EmailMessage WebhookDisabled(string to, string url, DateTimeOffset failingSince) =>
        new(to, "A webhook endpoint was disabled",
            $"""
            Every delivery to the webhook endpoint {url} has failed since
            {failingSince.ToString("u", CultureInfo.InvariantCulture)}, so it was disabled and no more events are sent to it.

            Fix the endpoint, then enable the webhook again (PATCH /webhooks/ID with "active": true) and redeliver what it missed.
            """);

    public static string LinkOrToken(string? linkTemplate, string token, string lead) =>
        linkTemplate is null
            ? $".\n\nYour token: {token}"
            : $"{lead}\n\n{linkTemplate.Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal)}";

    public static string Describe(TimeSpan ttl) =>
        ttl.TotalHours >= 1
            ? Plural(ttl.TotalHours, "hour")
            : Plural(ttl.TotalMinutes, "minute");

    private static string Plural(double amount, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount:0.#} {unit}{(amount == 1 ? string.Empty : "s")}");
}
