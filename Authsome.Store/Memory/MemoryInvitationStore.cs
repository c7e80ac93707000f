namespace Authsome.Store.Memory;

internal sealed class MemoryInvitationStore(MemoryState state) : IInvitationStore
{
    private MemoryTable<Invitation> Invitations => state.Invitations;

    public ValueTask CreateAsync(Invitation invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return state.Run(() => Invitations.Insert(invitation), cancellationToken);
    }

    public ValueTask<Invitation?> GetAsync(Id<Invitation> id, CancellationToken cancellationToken) =>
        state.Run(() => Invitations.Get(id), cancellationToken);

    public ValueTask<Invitation?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        state.Run(() => Invitations.Find(state.InvitationsByToken, tokenHash), cancellationToken);

    public ValueTask<bool> TransitionAsync(Id<Invitation> id, InvitationStatus expected, InvitationStatus next, DateTimeOffset at, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                if (Invitations.Get(id) is not { } stored || stored.Status != expected)
                {
                    return false;
                }

                Invitations.Replace(stored with { Status = next, UpdatedAt = at });
                return true;
            },
            cancellationToken);

    public ValueTask<bool> DeleteAsync(Id<Invitation> id, CancellationToken cancellationToken) =>
        state.Run(() => Invitations.Remove(id), cancellationToken);

    public ValueTask<IReadOnlyList<Invitation>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Invitation>>(() => [.. Invitations.Where(i => i.OrgId == orgId)], cancellationToken);
}
