namespace Authsome.Store.Relational;

internal sealed class RelationalNotificationStore(RelationalDatabase db) : INotificationStore
{
    private const string Entity = "notification";

    private const string Columns = "id, app_id, user_id, type, channel, recipient, subject, body, sent, sent_at, attempts, next_attempt_at, lease_until, failed_at, error, created_at";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var n = notification;
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"INSERT INTO authsome_notifications ({Columns}) VALUES (@id, @app_id, @user_id, @type, @channel, @recipient, @subject, @body, @sent, @sent_at, @attempts, @next_attempt_at, @lease_until, @failed_at, @error, @created_at)",
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
                    attempts = n.Attempts,
                    next_attempt_at = D.Time(n.NextAttemptAt),
                    lease_until = D.Time(n.LeaseUntil),
                    failed_at = D.Time(n.FailedAt),
                    error = n.Error,
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
                "UPDATE authsome_notifications SET sent = TRUE, sent_at = @at, lease_until = NULL, body = '' WHERE id = @id AND sent = FALSE",
                new { id = id.ToString(), at = D.Time(StoreTime.Normalize(at)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;

    public async ValueTask<Page<Notification>> ListByUserAsync(Id<User> userId, PageRequest page, CancellationToken cancellationToken) =>
        await Paging.ListAsync(db, Entity, "authsome_notifications", Columns, "user_id = @user_id", new { user_id = userId.ToString() }, page, page.After<Notification>()?.ToString(), Map, n => n.Id.ToString(), cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Notification>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        var args = new { now = D.Time(StoreTime.Normalize(now)), until = D.Time(StoreTime.Normalize(leaseUntil)), max };
        const string Due = "sent = FALSE AND failed_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= @now) AND (lease_until IS NULL OR lease_until <= @now)";
        var candidates = await db.ReadAsync(
            Entity,
            s => s.QueryAsync($"SELECT {Columns} FROM authsome_notifications WHERE {Due} ORDER BY id LIMIT @max", args, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var claimed = new List<Notification>(candidates.Count);
        foreach (var candidate in candidates)
        {
            // Another sender may have claimed it since the read: the condition is checked again as the lease is taken.
            var taken = await db.WriteAsync(
                Entity,
                s => s.ExecuteAsync($"UPDATE authsome_notifications SET lease_until = @until WHERE id = @id AND {Due}", new { args.now, args.until, id = candidate.Id.ToString() }, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (taken == 1)
            {
                claimed.Add(candidate with { LeaseUntil = leaseUntil });
            }
        }

        return claimed;
    }

    public async ValueTask<bool> RecordFailureAsync(Id<Notification> id, DateTimeOffset heldLease, DateTimeOffset at, DateTimeOffset? retryAt, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        return await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"""
                UPDATE authsome_notifications SET attempts = attempts + 1, error = @error, lease_until = NULL,
                    next_attempt_at = {(retryAt is null ? "next_attempt_at" : "@retry_at")}, failed_at = {(retryAt is null ? "@at, body = ''" : "NULL")}
                WHERE id = @id AND sent = FALSE AND lease_until = @held
                """,
                new
                {
                    id = id.ToString(),
                    held = D.Time(StoreTime.Normalize(heldLease)),
                    at = D.Time(StoreTime.Normalize(at)),
                    retry_at = D.Time(StoreTime.Normalize(retryAt)),
                    error,
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<int> CountSinceAsync(Id<User> userId, string type, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        return (int)await db.ReadAsync(
            Entity,
            s => s.ScalarAsync<long>(
                "SELECT COUNT(*) FROM authsome_notifications WHERE user_id = @user_id AND type = @type AND created_at >= @since",
                new { user_id = userId.ToString(), type, since = D.Time(StoreTime.Normalize(since)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

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
        Attempts = r.Int("attempts"),
        NextAttemptAt = r.TimeOrNull("next_attempt_at"),
        LeaseUntil = r.TimeOrNull("lease_until"),
        FailedAt = r.TimeOrNull("failed_at"),
        Error = r.TextOrNull("error"),
        CreatedAt = r.Time("created_at"),
    };
}
