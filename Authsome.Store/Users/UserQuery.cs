namespace Authsome.Store;

/// <summary>Filters <see cref="IUserStore.ListAsync"/>: an app's live users, optionally of one environment or matching part of an email.</summary>
public sealed record UserQuery
{
    public required Id<App> AppId { get; init; }
    public Id<AppEnvironment>? EnvId { get; init; }

    /// <summary>A case-insensitive substring of the email. Matched literally: no wildcard or pattern characters.</summary>
    public string? EmailContains { get; init; }
    public PageRequest Page { get; init; } = PageRequest.First;
}
