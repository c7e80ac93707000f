namespace Authsome.Store.Relational;

internal sealed class RelationalNotificationStore(RelationalDatabase db) : INotificationStore
{
    private const string Entity = "notification";

    private const string Columns = "id, app_id, user_id, type, channel, recipient, subject, body, sent, sent_at, created_at";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var n = notification;
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"INSERT INTO authsome_notifications ({Columns}) VALUES (@id, @app_id, @user_id, @type, @channel, @recipient, @subject, @body, @sent, @sent_at, @created_at)",
                new
                {
                    id = n.Id.ToString(),
                    app_id = n.AppId.ToString(),
                    user_id = n.UserId?.ToString(),
                    type = n.Type,
                    channel = EnumText.Of(n.Channel),
                    recipient = n.Recipient,
                    subject = n.Subject,
                    body = n.Body,
                    sent = n.Sent,
                    sent_at = D.Time(n.SentAt),
                    created_at = D.Time(n.CreatedAt),
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Notification?> GetAsync(Id<Notification> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"SELECT {Columns} FROM authsome_notifications WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> MarkSentAsync(Id<Notification> id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                "UPDATE authsome_notifications SET sent = TRUE, sent_at = @at WHERE id = @id AND sent = FALSE",
                new { id = id.ToString(), at = D.Time(StoreTime.Normalize(at)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;

    public async ValueTask<Page<Notification>> ListByUserAsync(Id<User> userId, PageRequest page, CancellationToken cancellationToken) =>
        await Paging.ListAsync(db, Entity, "authsome_notifications", Columns, "user_id = @user_id", new { user_id = userId.ToString() }, page, page.After<Notification>()?.ToString(), Map, n => n.Id.ToString(), cancellationToken).ConfigureAwait(false);

    private static Notification Map(RowReader r) => new()
    {
        Id = r.Id<Notification>("id"),
        AppId = r.Id<App>("app_id"),
        UserId = r.IdOrNull<User>("user_id"),
        Type = r.Text("type"),
        Channel = r.Enum<NotificationChannel>("channel"),
        Recipient = r.TextOrNull("recipient"),
        Subject = r.TextOrNull("subject"),
        Body = r.Text("body"),
        Sent = r.Bool("sent"),
        SentAt = r.TimeOrNull("sent_at"),
        CreatedAt = r.Time("created_at"),
    };
}
