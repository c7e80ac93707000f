using Authsome.Email;
using Authsome.Messaging;

namespace Authsome.Plugins.MagicLink;

/// <summary>The mail with the sign-in link.</summary>
internal static class MagicLinkEmails
{
    /// <summary>The outbox's type for this mail.</summary>
    public const string Type = "magic_link";

    public static EmailMessage SignIn(string to, string token, string? linkTemplate, TimeSpan ttl) =>
        new(to, "Your sign-in link",
            $"""
            Someone (perhaps you) asked to sign in with this email address{AccountEmails.LinkOrToken(linkTemplate, token, ". Open this link to sign in:")}

            It works for {AccountEmails.Describe(ttl)} and only once. If you did not ask, ignore this mail: nobody can sign in without it.
            """);
}
