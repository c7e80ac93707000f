namespace Authsome.Rbac;

/// <summary>
/// The roles every organization has. Their permissions are fixed and documented (docs/tenancy.md); an organization's
/// custom roles may take one as parent.
/// </summary>
internal static class BuiltInRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Member = "member";

    /// <summary>The platform administrators' role on the platform app (assigned app-wide).</summary>
    public const string PlatformAdmin = "platform:admin";

    /// <summary>What each built-in role may do, as <c>resource:action</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Permissions = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // Everything within the organization, including the application's own resources.
        [Owner] = ["*:*"],
        [Admin] = ["org:read", "org:update", "member:read", "member:invite", "member:update", "member:remove", "team:read", "team:manage", "role:read", "role:manage"],
        [Member] = ["org:read", "member:read", "team:read", "role:read"],
        [PlatformAdmin] = ["platform:admin"],
    };

    public static readonly string[] OrganizationRoles = [Owner, Admin, Member];

    public static bool IsOrganizationRole(string slug) => slug is Owner or Admin or Member;
}
