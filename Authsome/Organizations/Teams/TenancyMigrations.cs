using Authsome.Store.Migrations;
using Authsome.Store.Mongo;

namespace Authsome.Organizations.Teams;

/// <summary>
/// The <c>authsome-tenancy</c> migration group: team membership, which the core store does not hold. Its rows go with
/// their team and their member (foreign keys on the relational backends; the team service on MongoDB).
/// </summary>
internal static class TenancyMigrations
{
    public const string GroupName = "authsome-tenancy";

    public const string TeamMembersTable = "authsome_team_members";

    public static readonly MigrationGroup Group = new(GroupName, [MigrationGroup.CoreName],
    [
        new Migration(20261130000001, "team_members",
            SqlMigrationScript.Postgres(
                """
                CREATE TABLE authsome_team_members (
                    team_id    TEXT COLLATE "C" NOT NULL REFERENCES authsome_teams (id) ON DELETE CASCADE,
                    member_id  TEXT COLLATE "C" NOT NULL REFERENCES authsome_members (id) ON DELETE CASCADE,
                    created_at TIMESTAMPTZ NOT NULL,
                    PRIMARY KEY (team_id, member_id)
                );
                CREATE INDEX ix_authsome_team_members_member ON authsome_team_members (member_id);
                """,
                "DROP TABLE authsome_team_members;"),
            SqlMigrationScript.Sqlite(
                """
                CREATE TABLE authsome_team_members (
                    team_id    TEXT NOT NULL REFERENCES authsome_teams (id) ON DELETE CASCADE,
                    member_id  TEXT NOT NULL REFERENCES authsome_members (id) ON DELETE CASCADE,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (team_id, member_id)
                );
                CREATE INDEX ix_authsome_team_members_member ON authsome_team_members (member_id);
                """,
                "DROP TABLE authsome_team_members;"),
            new MongoMigrationScript(
                MongoMigrationStep.CreateCollection(TeamMembersTable),
                MongoMigrationStep.CreateIndex(TeamMembersTable, new MongoIndex("team_members_team_member", "team_id", "member_id") { Unique = true }),
                MongoMigrationStep.CreateIndex(TeamMembersTable, new MongoIndex("team_members_member", "member_id")))),
    ]);
}
