using System.Text.Json;
using Npgsql;

namespace Authsome.Bench.Floor;

/// <summary>
/// The store's GET /me statement (RelationalSessionStore's session-and-user join, the same columns) with a positional
/// parameter, and its row read column by column by ordinal: every column decoded, as the store's mapping does.
/// </summary>
internal sealed class FloorRow
{
    public const string Query =
        "SELECT s.id, s.app_id, s.env_id, s.user_id, s.org_id, s.family_id, s.token_hash, s.refresh_token_hash, s.ip_address, " +
        "s.user_agent, s.device_id, s.impersonated_by, s.last_activity_at, s.expires_at, s.refresh_token_expires_at, s.created_at, " +
        "s.updated_at, u.id, u.app_id, u.env_id, u.email, u.email_verified, u.name, u.first_name, u.last_name, u.image, u.username, " +
        "u.display_username, u.phone, u.phone_verified, u.password_hash, u.password_changed_at, u.banned, u.ban_reason, u.ban_expires, " +
        "u.metadata, u.created_at, u.updated_at, u.deleted_at " +
        "FROM authsome_sessions s JOIN authsome_users u ON u.id = s.user_id AND u.deleted_at IS NULL WHERE s.token_hash = $1";

    // The columns' kinds in the statement's order: text, timestamp or boolean (metadata, JSONB, is read as text).
    internal const string Kinds = "TTTTTTTTTTTTDDDDDTTTTBTTTTTTTBTDBTDTDDD";

    private readonly string?[] _text = new string?[Kinds.Length];
    private readonly DateTime?[] _time = new DateTime?[Kinds.Length];
    private readonly bool[] _flag = new bool[Kinds.Length];

    public DateTime ExpiresAt => _time[13]!.Value;

    public static FloorRow Read(NpgsqlDataReader reader)
    {
        var row = new FloorRow();
        for (var i = 0; i < Kinds.Length; i++)
        {
            if (reader.IsDBNull(i))
            {
                continue;
            }

            switch (Kinds[i])
            {
                case 'T':
                    row._text[i] = reader.GetString(i);
                    break;
                case 'D':
                    row._time[i] = reader.GetDateTime(i);
                    break;
                default:
                    row._flag[i] = reader.GetBoolean(i);
                    break;
            }
        }

        return row;
    }

    /// <summary>The fields GET /me answers (the engine's UserResponse).</summary>
    public void WriteUser(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("id", _text[17]);
        json.WriteString("email", _text[20]);
        json.WriteBoolean("emailVerified", _flag[21]);
        json.WriteString("name", _text[22]);
        json.WriteString("firstName", _text[23]);
        json.WriteString("lastName", _text[24]);
        json.WriteString("username", _text[27] ?? _text[26]);
        json.WriteString("image", _text[25]);
        json.WriteString("createdAt", _time[36]!.Value);
        json.WriteString("updatedAt", _time[37]!.Value);
        json.WriteEndObject();
    }
}
