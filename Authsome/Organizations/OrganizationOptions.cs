namespace Authsome.Organizations;

/// <summary>Settings of organizations and invitations (<c>Authsome:Organizations</c>).</summary>
public sealed class OrganizationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Authsome:Organizations";

    /// <summary>How long an invitation can be accepted. Default 7 days; between 1 hour and 30 days.</summary>
    public TimeSpan InvitationTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>An https link with <c>{token}</c> put in invitation mails (e.g. <c>https://app.example.com/join?token={token}</c>); null: the mail carries the token as text.</summary>
    public string? InvitationLinkTemplate { get; set; }
}
