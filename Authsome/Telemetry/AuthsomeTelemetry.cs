using System.Diagnostics;

namespace Authsome;

/// <summary>
/// The names under which the engine reports telemetry: one <see cref="ActivitySource"/> and one Meter, both
/// named <see cref="Name"/>. Add them to OpenTelemetry with <c>AddSource(AuthsomeTelemetry.Name)</c> and
/// <c>AddMeter(AuthsomeTelemetry.Name)</c>. Tags carry ids and outcomes, never tokens, passwords or emails.
/// </summary>
public static class AuthsomeTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "Authsome";

    internal static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Starts the span of one engine operation, e.g. <c>authsome.sign_in</c>; null, at no cost, when nobody listens.</summary>
    internal static Activity? StartOperation(string operation) =>
        ActivitySource.HasListeners() ? ActivitySource.StartActivity("authsome." + operation, ActivityKind.Internal) : null;

    /// <summary>Marks a span as failed with a stable reason (an error code, never a message with data in it).</summary>
    internal static void Fail(this Activity? activity, string reason)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("authsome.outcome", reason);
        activity.SetStatus(ActivityStatusCode.Error, reason);
    }

    /// <summary>Marks a span as succeeded.</summary>
    internal static void Succeed(this Activity? activity) => activity?.SetTag("authsome.outcome", "success");
}
