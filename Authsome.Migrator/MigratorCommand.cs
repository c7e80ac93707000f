namespace Authsome.Migrator;

/// <summary>What the migrator was asked to do.</summary>
internal enum MigratorMode
{
    /// <summary>Apply every pending migration.</summary>
    Migrate,

    /// <summary>Print applied and pending migrations; apply nothing (<c>--list</c>).</summary>
    List,

    /// <summary>Make a platform-app user a platform administrator (<c>grant-admin &lt;email&gt;</c>).</summary>
    GrantAdmin,
}

/// <summary>The migrator's own switch (<c>--list</c>) or command (<c>grant-admin &lt;email&gt;</c>), taken out of the arguments before the host reads the rest as configuration.</summary>
internal sealed record MigratorCommand(MigratorMode Mode, string[] HostArguments, string? Email = null)
{
    public const string ListSwitch = "--list";
    public const string GrantAdminCommand = "grant-admin";

    public static MigratorCommand Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is [GrantAdminCommand, var email, .. var rest] && !email.StartsWith('-'))
        {
            return new MigratorCommand(MigratorMode.GrantAdmin, rest, email);
        }

        var list = args.Contains(ListSwitch, StringComparer.Ordinal);
        return new MigratorCommand(list ? MigratorMode.List : MigratorMode.Migrate, [.. args.Where(a => a != ListSwitch)]);
    }
}
