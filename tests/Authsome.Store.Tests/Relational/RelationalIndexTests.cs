namespace Authsome.Store.Tests.Relational;

/// <summary>
/// Every lookup on a hot path is served by the index named for it: the query planner is asked how it would run
/// the store's lookup and must answer with that index, never a scan of the table.
/// </summary>
public abstract class RelationalIndexTests
{
    /// <summary>The hot lookups, as the stores phrase them, and the index each must use.</summary>
    public static TheoryData<string, string> HotLookups => new()
    {
        { "SELECT * FROM authsome_sessions WHERE token_hash = 'h'", "ux_authsome_sessions_token_hash" },
        { "SELECT * FROM authsome_sessions WHERE refresh_token_hash = 'h'", "ux_authsome_sessions_refresh_token_hash" },
        { "SELECT * FROM authsome_users WHERE app_id = 'a' AND env_id = 'e' AND email = 'x@example.com' AND deleted_at IS NULL", "ux_authsome_users_email" },
        { "SELECT * FROM authsome_users WHERE app_id = 'a' AND env_id = 'e' AND username = 'x' AND deleted_at IS NULL", "ux_authsome_users_username" },
        { "SELECT * FROM authsome_api_keys WHERE key_hash = 'h'", "ux_authsome_api_keys_key_hash" },
        { "SELECT * FROM authsome_api_keys WHERE app_id = 'a' AND key_prefix = 'sk_live_x'", "ux_authsome_api_keys_prefix" },
        { "SELECT * FROM authsome_apps WHERE publishable_key = 'pk'", "ux_authsome_apps_publishable_key" },
        { "SELECT * FROM authsome_verifications WHERE token_hash = 'h'", "ux_authsome_verifications_token_hash" },
        { "SELECT * FROM authsome_password_resets WHERE token_hash = 'h'", "ux_authsome_password_resets_token_hash" },
        { "SELECT * FROM authsome_invitations WHERE token_hash = 'h'", "ux_authsome_invitations_token_hash" },
        { "SELECT * FROM authsome_sessions WHERE user_id = 'u' ORDER BY id", "ix_authsome_sessions_user" },
        { "SELECT * FROM authsome_settings WHERE key = 'k' AND scope = 'app' AND scope_id = 'a'", "ux_authsome_settings_key" },
    };

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(HotLookups))]
    public async Task HotLookup_IsServedByItsIndex(string query, string index)
    {
        var plan = await PlanAsync(query);

        Assert.Contains(index, plan, StringComparison.Ordinal);
    }

    /// <summary>The planner's description of how it would run the query, on a migrated database.</summary>
    protected abstract Task<string> PlanAsync(string query);
}
