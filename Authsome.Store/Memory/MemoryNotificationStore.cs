namespace Authsome.Store.Memory;

internal sealed class MemoryNotificationStore(MemoryState state) : INotificationStore
{
    private MemoryTable<Notification> Notifications => state.Notifications;

    public ValueTask CreateAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return state.Run(() => Notifications.Insert(notification), cancellationToken);
    }

    public ValueTask<Notification?> GetAsync(Id<Notification> id, CancellationToken cancellationToken) =>
        state.Run(() => Notifications.Get(id), cancellationToken);

    public ValueTask<bool> MarkSentAsync(Id<Notification> id, DateTimeOffset at, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                if (Notifications.Get(id) is not { Sent: false } stored)
                {
                    return false;
                }

                Notifications.Replace(stored with { Sent = true, SentAt = at, LeaseUntil = null, Body = string.Empty });
                return true;
            },
            cancellationToken);

    public ValueTask<Page<Notification>> ListByUserAsync(Id<User> userId, PageRequest page, CancellationToken cancellationToken) =>
        state.Run(() => Notifications.Page(n => n.UserId == userId, page), cancellationToken);

    public ValueTask<IReadOnlyList<Notification>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Notification>>(
            () =>
            {
                var claimed = Notifications
                    .Where(n => !n.Sent && n.FailedAt is null && (n.NextAttemptAt is null || n.NextAttemptAt <= now) && (n.LeaseUntil is null || n.LeaseUntil <= now))
                    .Take(max)
                    .Select(n => n with { LeaseUntil = leaseUntil })
                    .ToList();
                claimed.ForEach(Notifications.Replace);
                return claimed;
            },
            cancellationToken);

    public ValueTask<bool> RecordFailureAsync(Id<Notification> id, DateTimeOffset heldLease, DateTimeOffset at, DateTimeOffset? retryAt, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var lease = StoreTime.Normalize(heldLease);
        return state.Run(
            () =>
            {
                if (Notifications.Get(id) is not { Sent: false } stored || stored.LeaseUntil != lease)
                {
                    return false;
                }

                Notifications.Replace(stored with
                {
                    Attempts = stored.Attempts + 1,
                    Error = error,
                    LeaseUntil = null,
                    NextAttemptAt = retryAt ?? stored.NextAttemptAt,
                    FailedAt = retryAt is null ? at : null,
                    Body = retryAt is null ? string.Empty : stored.Body,
                });
                return true;
            },
            cancellationToken);
    }

    public ValueTask<int> CountSinceAsync(Id<User> userId, string type, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        var from = StoreTime.Normalize(since);
        return state.Run(() => Notifications.Rows.Count(n => n.UserId == userId && n.Type == type && n.CreatedAt >= from), cancellationToken);
    }
}
