using System.Diagnostics.CodeAnalysis;
using Authsome.Store;

namespace Authsome.Rbac;

/// <summary>
/// A permission as clients write it: <c>resource:action</c>, split at the last colon (a resource may contain colons:
/// <c>documents:42:read</c>). Either part may be <c>*</c>, or end in <c>*</c> to match a prefix.
/// </summary>
internal readonly record struct PermissionName(string Resource, string Action)
{
    public const int MaxLength = 200;

    public override string ToString() => Resource + ":" + Action;

    public static PermissionName Of(Permission permission) => new(permission.Resource, permission.Action);

    public static bool TryParse([NotNullWhen(true)] string? text, out PermissionName name)
    {
        name = default;
        if (text is null || text.Length is 0 or > MaxLength)
        {
            return false;
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        var resource = text[..colon];
        var action = text[(colon + 1)..];
        if (!IsPart(resource) || !IsPart(action))
        {
            return false;
        }

        name = new PermissionName(resource, action);
        return true;
    }

    /// <summary>A resource or action: printable ASCII without spaces; <c>*</c> only as the last character.</summary>
    public static bool IsPart(string value) =>
        value.Length is > 0 and <= MaxLength
        && value.All(c => c is > ' ' and < '\u007f')
        && value.IndexOf('*', StringComparison.Ordinal) is var star && (star == -1 || star == value.Length - 1);
}
