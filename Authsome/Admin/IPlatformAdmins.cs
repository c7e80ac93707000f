namespace Authsome.Admin;

/// <summary>Grants the platform administrator role (<c>platform:admin</c> on the platform app), e.g. from the migrator's <c>grant-admin</c>.</summary>
public interface IPlatformAdmins
{
    /// <summary>Makes the platform-app user with this email a platform administrator; false when there is no such user. Idempotent.</summary>
    ValueTask<bool> GrantAsync(string email, CancellationToken cancellationToken);
}
