namespace Authsome.Store.Migrations;

/// <summary>A row of the tracking table (<c>authsome_migrations</c>): a migration that has been applied.</summary>
public sealed record AppliedMigration(string Group, long Version, string Name, string Checksum, DateTimeOffset AppliedAt);
