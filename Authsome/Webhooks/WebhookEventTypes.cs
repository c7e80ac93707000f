using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Authsome.Accounts;
using Authsome.Store;

namespace Authsome.Webhooks;

/// <summary>
/// What a webhook subscribes to: exact types (<c>user.created</c>), a family (<c>user.*</c>) or everything (<c>*</c>).
/// Any dotted lower-case type is accepted, so events other features raise can be subscribed to without a list here.
/// </summary>
internal static partial class WebhookEventTypes
{
    private const int MaxEvents = 64;

    public static ImmutableArray<string> Validate(IReadOnlyList<string>? events, string field = "events")
    {
        if (events is null || events.Count == 0)
        {
            throw InputRules.Invalid(field, "Name at least one event type, e.g. user.created, user.* or *.");
        }

        if (events.Count > MaxEvents || events.Any(e => e is null || !Pattern().IsMatch(e)))
        {
            throw InputRules.Invalid(field, $"At most {MaxEvents} types, each like user.created, user.* or *.");
        }

        return [.. events.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether a webhook subscribed to <paramref name="subscribed"/> receives events of <paramref name="type"/>.</summary>
    public static bool Matches(ImmutableArray<string> subscribed, string type) =>
        subscribed.Any(s => s == "*" || s == type || (s.EndsWith(".*", StringComparison.Ordinal) && type.StartsWith(s[..^1], StringComparison.Ordinal)));

    /// <summary>A webhook receives the event when it is active, of the app, and subscribed.</summary>
    public static bool Receives(this Webhook webhook, AuthsomeEventKey key) =>
        webhook.Active && webhook.AppId == key.AppId && Matches(webhook.Events, key.Type);

    [GeneratedRegex(@"^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>The app and type of an event, which decide who receives it.</summary>
internal readonly record struct AuthsomeEventKey(Id<App> AppId, string Type);
