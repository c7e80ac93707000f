namespace Authsome.Maintenance;

/// <summary>A plugin's share of the periodic purge: deletes its records that can never be used again at <c>now</c>.</summary>
internal interface IExpiredDataPurge
{
    /// <summary>Deletes what is dead at <paramref name="now"/>; returns how many records.</summary>
    ValueTask<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
