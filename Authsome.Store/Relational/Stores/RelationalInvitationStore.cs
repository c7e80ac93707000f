namespace Authsome.Store.Relational;

internal sealed class RelationalInvitationStore(RelationalDatabase db) : IInvitationStore
{
    private const string Entity = "invitation";

    private const string Columns = "id, org_id, email, role, inviter_id, status, token_hash, expires_at, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_invitations";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(Invitation invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var i = invitation;
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"INSERT INTO authsome_invitations ({Columns}) VALUES (@id, @org_id, @email, @role, @inviter_id, @status, @token_hash, @expires_at, @created_at, @updated_at)",
                new
                {
                    id = i.Id.ToString(),
                    org_id = i.OrgId.ToString(),
                    email = i.Email,
                    role = i.Role,
                    inviter_id = i.InviterId.ToString(),
                    status = EnumText.Of(i.Status),
                    token_hash = i.TokenHash.Hex,
                    expires_at = D.Time(i.ExpiresAt),
                    created_at = D.Time(i.CreatedAt),
                    updated_at = D.Time(i.UpdatedAt),
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Invitation?> GetAsync(Id<Invitation> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Invitation?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE token_hash = @token_hash", new { token_hash = tokenHash.Hex }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> TransitionAsync(Id<Invitation> id, InvitationStatus expected, InvitationStatus next, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                "UPDATE authsome_invitations SET status = @next, updated_at = @at WHERE id = @id AND status = @expected",
                new { id = id.ToString(), expected = EnumText.Of(expected), next = EnumText.Of(next), at = D.Time(StoreTime.Normalize(at)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;

    public async ValueTask<bool> DeleteAsync(Id<Invitation> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_invitations WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<IReadOnlyList<Invitation>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE org_id = @org_id ORDER BY id", new { org_id = orgId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    private static Invitation Map(RowReader r) => new()
    {
        Id = r.Id<Invitation>("id"),
        OrgId = r.Id<Organization>("org_id"),
        Email = r.Text("email"),
        Role = r.Text("role"),
        InviterId = r.Id<User>("inviter_id"),
        Status = r.Enum<InvitationStatus>("status"),
        TokenHash = r.Hash("token_hash"),
        ExpiresAt = r.Time("expires_at"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
