namespace Authsome.Store;

/// <summary>Teams within organizations.</summary>
public interface ITeamStore
{
    /// <summary>Stores a team. Throws <see cref="StoreConflictException"/>: SlugTaken (within the organization) or Duplicate.</summary>
    ValueTask CreateAsync(Team team, CancellationToken cancellationToken);

    ValueTask<Team?> GetAsync(Id<Team> id, CancellationToken cancellationToken);

    /// <summary>Replaces a team's fields. Throws <see cref="StoreNotFoundException"/> or <see cref="StoreConflictException"/> as create.</summary>
    ValueTask UpdateAsync(Team team, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<Team> id, CancellationToken cancellationToken);

    /// <summary>An organization's teams, in id order.</summary>
    ValueTask<IReadOnlyList<Team>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken);
}
