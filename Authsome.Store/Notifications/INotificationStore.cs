namespace Authsome.Store;

/// <summary>The notification queue: the durable outbox of mail.</summary>
public interface INotificationStore
{
    ValueTask CreateAsync(Notification notification, CancellationToken cancellationToken);

    ValueTask<Notification?> GetAsync(Id<Notification> id, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a notification sent (<see cref="Notification.Sent"/>, <see cref="Notification.SentAt"/> = <paramref name="at"/>,
    /// lease freed) and erases its <see cref="Notification.Body"/> (bodies may hold single-use links, which must not
    /// outlive their sending in plain text); false when absent or already sent.
    /// </summary>
    ValueTask<bool> MarkSentAsync(Id<Notification> id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A user's notifications, in id order.</summary>
    ValueTask<Page<Notification>> ListByUserAsync(Id<User> userId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> notifications neither sent nor failed, due at <paramref name="now"/>
    /// (<see cref="Notification.NextAttemptAt"/> null or at or before it) and whose lease is free (null, or at or
    /// before <paramref name="now"/>), oldest first, and sets their lease to <paramref name="leaseUntil"/>.
    /// Concurrent callers never claim the same notification.
    /// </summary>
    ValueTask<IReadOnlyList<Notification>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed send by the holder of the lease <paramref name="heldLease"/>: one more attempt, the error,
    /// the lease freed; due again at <paramref name="retryAt"/>, or failed for good at <paramref name="at"/> when it
    /// is null (the body then erased, as when sent). False (nothing changed) when the lease is no longer held or the notification was sent.
    /// </summary>
    ValueTask<bool> RecordFailureAsync(Id<Notification> id, DateTimeOffset heldLease, DateTimeOffset at, DateTimeOffset? retryAt, string error, CancellationToken cancellationToken);

    /// <summary>How many notifications of <paramref name="type"/> were created for the user at or after <paramref name="since"/>.</summary>
    ValueTask<int> CountSinceAsync(Id<User> userId, string type, DateTimeOffset since, CancellationToken cancellationToken);
}
