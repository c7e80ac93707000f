using System.Globalization;
using Authsome.Email;

namespace Authsome.Organizations;

/// <summary>The invitation mail. Plain text; the organization's name is the only text an inviter chooses, and it was validated as a name.</summary>
internal static class InvitationEmails
{
    public static EmailMessage Invitation(string to, string organizationName, string role, string token, string? linkTemplate, TimeSpan ttl) =>
        new(to, "You are invited to join " + organizationName,
            $"""
            You have been invited to join {organizationName} as {role}.

            {(linkTemplate is null
                ? $"Sign in with this email address and accept the invitation with this token.\n\nYour token: {token}"
                : "Open this link to accept:\n\n" + linkTemplate.Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal))}

            The invitation works for {ttl.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days and only once. If you do not know this organization, ignore this mail.
            """);
}
