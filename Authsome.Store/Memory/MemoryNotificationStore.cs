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

                Notifications.Replace(stored with { Sent = true, SentAt = at });
                return true;
            },
            cancellationToken);

    public ValueTask<Page<Notification>> ListByUserAsync(Id<User> userId, PageRequest page, CancellationToken cancellationToken) =>
        state.Run(() => Notifications.Page(n => n.UserId == userId, page), cancellationToken);
}
