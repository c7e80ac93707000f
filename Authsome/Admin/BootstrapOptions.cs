namespace Authsome.Admin;

/// <summary>Who becomes a platform administrator without anyone granting it (<c>Authsome:Bootstrap</c>).</summary>
public sealed class BootstrapOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Authsome:Bootstrap";

    /// <summary>
    /// Emails of platform-app users who get the <c>platform:admin</c> role: at start when they exist, else when they sign
    /// up; only once their email is verified (or verification is not required, as in Development).
    /// </summary>
    public IList<string> AdminEmails { get; } = [];
}
