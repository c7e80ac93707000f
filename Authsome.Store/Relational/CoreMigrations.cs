using System.Reflection;
using Authsome.Store.Migrations;

namespace Authsome.Store.Relational;

/// <summary>
/// The core group (<c>authsome</c>) of the relational backends: one list of migrations, each with a PostgreSQL and
/// a SQLite script. The scripts are the <c>.sql</c> files in <c>Postgres/Schema/</c> and <c>Sqlite/Schema/</c>,
/// named <c>{version}_{name}.sql</c> and embedded in the assembly. Append new migrations; never edit an applied one
/// (the orchestrator reports it by checksum).
/// </summary>
internal static class CoreMigrations
{
    public static MigrationGroup Group { get; } = new(
        MigrationGroup.CoreName,
        [],
        [
            Define(20261101000001, "apps_and_environments"),
            Define(20261101000002, "users"),
            Define(20261101000003, "sessions_and_accounts"),
            Define(20261101000004, "organizations"),
            Define(20261101000005, "access_control"),
            Define(20261101000006, "app_configuration"),
            Define(20261130000001, "counters_and_session_lifetimes"),
            Define(20261130000013, "outboxes"),
            Define(20261130000014, "device_trust_time"),
            Define(20261130094500, "organization_roles"),
            Define(20261130140000, "service_account_roles"),
        ]);

    private static Migration Define(long version, string name) =>
        new(version, name, SqlMigrationScript.Postgres(Script("Postgres", version, name)), SqlMigrationScript.Sqlite(Script("Sqlite", version, name)));

    private static string Script(string backend, long version, string name)
    {
        var resource = $"Authsome.Store.{backend}.Schema.{version}_{name}.sql";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The migration script {resource} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
