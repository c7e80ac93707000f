namespace Authsome.Hooks;

/// <summary>What a before-hook decides: let the operation go on, or refuse it with a reason shown to the client.</summary>
public readonly record struct HookResult
{
    private HookResult(string? refusalReason) => RefusalReason = refusalReason;

    /// <summary>Go on.</summary>
    public static HookResult Continue => default;

    /// <summary>Why the operation is refused, or null to go on.</summary>
    public string? RefusalReason { get; }

    /// <summary>Whether the operation is refused.</summary>
    public bool IsRefused => RefusalReason is not null;

    /// <summary>Refuses the operation; the reason is returned to the client as the problem's detail (no secrets).</summary>
    public static HookResult Refuse(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new HookResult(reason);
    }
}
