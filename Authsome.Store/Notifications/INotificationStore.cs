namespace Authsome.Store;

/// <summary>The notification queue.</summary>
public interface INotificationStore
{
    ValueTask CreateAsync(Notification notification, CancellationToken cancellationToken);

    ValueTask<Notification?> GetAsync(Id<Notification> id, CancellationToken cancellationToken);

    /// <summary>Marks a notification sent (<see cref="Notification.Sent"/>, <see cref="Notification.SentAt"/> = <paramref name="at"/>); false when absent or already sent.</summary>
    ValueTask<bool> MarkSentAsync(Id<Notification> id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A user's notifications, in id order.</summary>
    ValueTask<Page<Notification>> ListByUserAsync(Id<User> userId, PageRequest page, CancellationToken cancellationToken);
}
