namespace Authsome.Plugins.Password;

/// <summary>The password plugin's settings (<c>Authsome:Password</c>). Hashing and policy, in the same section, are bound to <c>AuthsomePasswordOptions</c>.</summary>
public sealed class PasswordPluginOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Authsome:Password";

    /// <summary>How many previous passwords a new one may not repeat (the current one included). 0 turns the check off. Default 5.</summary>
    public int HistoryLength { get; set; } = 5;
}
