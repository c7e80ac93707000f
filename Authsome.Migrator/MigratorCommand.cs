namespace Authsome.Migrator;

/// <summary>What the migrator was asked to do.</summary>
internal enum MigratorMode
{
    /// <summary>Apply every pending migration.</summary>
    Migrate,

    /// <summary>Print applied and pending migrations; apply nothing (<c>--list</c>).</summary>
    List,
}

/// <summary>The migrator's own switch (<c>--list</c>), taken out of the arguments before the host reads the rest as configuration.</summary>
internal sealed record MigratorCommand(MigratorMode Mode, string[] HostArguments)
{
    public const string ListSwitch = "--list";

    public static MigratorCommand Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var list = args.Contains(ListSwitch, StringComparer.Ordinal);
        return new MigratorCommand(list ? MigratorMode.List : MigratorMode.Migrate, [.. args.Where(a => a != ListSwitch)]);
    }
}
