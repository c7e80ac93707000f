using System.Collections.Immutable;

namespace Authsome.Store;

/// <summary>The fields of a <see cref="User"/> that <see cref="IUserStore.UpdateAsync"/> writes.</summary>
public enum UserField
{
    Email,
    EmailVerified,
    Name,
    FirstName,
    LastName,
    Image,
    Username,
    DisplayUsername,
    Phone,
    PhoneVerified,
    PasswordHash,
    PasswordChangedAt,
    Banned,
    BanReason,
    BanExpires,
    Metadata,
}

/// <summary>Which updatable fields differ between two versions of a user, and each field's value.</summary>
public static class UserFields
{
    private static readonly UserField[] s_all = Enum.GetValues<UserField>();

    /// <summary>The fields whose values differ between <paramref name="original"/> and <paramref name="updated"/>.</summary>
    public static IReadOnlyList<UserField> Changed(User original, User updated)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(updated);
        return [.. s_all.Where(f => f == UserField.Metadata
            ? !SameMetadata(original.Metadata, updated.Metadata)
            : !Equals(Value(original, f), Value(updated, f)))];
    }

    /// <summary>
    /// Whether a field takes part in the compare-and-set of an update. Metadata does not: it is a map whose stored
    /// order is not stable across processes, so it is written when changed and otherwise left alone.
    /// </summary>
    public static bool IsCompared(UserField field) => field != UserField.Metadata;

    /// <summary>The field's value on <paramref name="user"/> (the metadata map for <see cref="UserField.Metadata"/>).</summary>
    public static object? Value(User user, UserField field)
    {
        ArgumentNullException.ThrowIfNull(user);
        return field switch
        {
            UserField.Email => user.Email,
            UserField.EmailVerified => user.EmailVerified,
            UserField.Name => user.Name,
            UserField.FirstName => user.FirstName,
            UserField.LastName => user.LastName,
            UserField.Image => user.Image,
            UserField.Username => user.Username,
            UserField.DisplayUsername => user.DisplayUsername,
            UserField.Phone => user.Phone,
            UserField.PhoneVerified => user.PhoneVerified,
            UserField.PasswordHash => user.PasswordHash,
            UserField.PasswordChangedAt => user.PasswordChangedAt,
            UserField.Banned => user.Banned,
            UserField.BanReason => user.BanReason,
            UserField.BanExpires => user.BanExpires,
            UserField.Metadata => user.Metadata,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    /// <summary><paramref name="target"/> with <paramref name="field"/> taken from <paramref name="source"/>.</summary>
    public static User Copy(User target, User source, UserField field)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);
        return field switch
        {
            UserField.Email => target with { Email = source.Email },
            UserField.EmailVerified => target with { EmailVerified = source.EmailVerified },
            UserField.Name => target with { Name = source.Name },
            UserField.FirstName => target with { FirstName = source.FirstName },
            UserField.LastName => target with { LastName = source.LastName },
            UserField.Image => target with { Image = source.Image },
            UserField.Username => target with { Username = source.Username },
            UserField.DisplayUsername => target with { DisplayUsername = source.DisplayUsername },
            UserField.Phone => target with { Phone = source.Phone },
            UserField.PhoneVerified => target with { PhoneVerified = source.PhoneVerified },
            UserField.PasswordHash => target with { PasswordHash = source.PasswordHash },
            UserField.PasswordChangedAt => target with { PasswordChangedAt = source.PasswordChangedAt },
            UserField.Banned => target with { Banned = source.Banned },
            UserField.BanReason => target with { BanReason = source.BanReason },
            UserField.BanExpires => target with { BanExpires = source.BanExpires },
            UserField.Metadata => target with { Metadata = source.Metadata },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    /// <summary>The field's column (relational) or document field (MongoDB) name, e.g. <c>email_verified</c>.</summary>
    public static string StorageName(UserField field) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(field.ToString());

    private static bool SameMetadata(ImmutableDictionary<string, string> a, ImmutableDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));
}
