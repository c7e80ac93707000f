using System.Globalization;
using System.Text;
using Dapper;

namespace Authsome.Store.Relational;

internal sealed class RelationalUserStore(RelationalDatabase db) : IUserStore
{
    private const string Entity = "user";

    internal const string Columns =
        "id, app_id, env_id, email, email_verified, name, first_name, last_name, image, username, display_username, " +
        "phone, phone_verified, password_hash, password_changed_at, banned, ban_reason, ban_expires, " +
        "metadata, created_at, updated_at, deleted_at";

    private const string Select = $"SELECT {Columns} FROM authsome_users";

    private const string Live = "deleted_at IS NULL";

    private const string Insert =
        $"""
        INSERT INTO authsome_users ({Columns})
        VALUES (@id, @app_id, @env_id, @email, @email_verified, @name, @first_name, @last_name, @image, @username, @display_username,
                @phone, @phone_verified, @password_hash, @password_changed_at, @banned, @ban_reason, @ban_expires,
                @metadata, @created_at, @updated_at, NULL)
        """;

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await db.WriteAsync(Entity, s => s.ExecuteAsync(Insert, Args(user), cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<User?> GetAsync(Id<User> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE id = @id AND {Live}", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public ValueTask<User?> GetByEmailAsync(Id<App> appId, Id<AppEnvironment> envId, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        return GetByAsync("email", appId, envId, email.ToLowerInvariant(), cancellationToken);
    }

    public ValueTask<User?> GetByPhoneAsync(Id<App> appId, Id<AppEnvironment> envId, string phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return GetByAsync("phone", appId, envId, phone, cancellationToken);
    }

    public ValueTask<User?> GetByUsernameAsync(Id<App> appId, Id<AppEnvironment> envId, string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        return GetByAsync("username", appId, envId, username.ToLowerInvariant(), cancellationToken);
    }

    public async ValueTask<bool> UpdateAsync(User original, User updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(updated);
        var changed = UserFields.Changed(original, updated);
        if (changed.Count == 0)
        {
            return true;
        }

        // SET only the changed columns, WHERE each still holds the value the caller read (compare-and-set).
        var args = new DynamicParameters();
        args.Add("id", original.Id.ToString());
        args.Add("updated_at", D.Time(updated.UpdatedAt));
        var set = new StringBuilder("updated_at = @updated_at");
        var where = new StringBuilder($"id = @id AND {Live}");
        foreach (var field in changed)
        {
            var column = UserFields.StorageName(field);
            set.Append(CultureInfo.InvariantCulture, $", {column} = @new_{column}");
            args.Add("new_" + column, Arg(UserFields.Value(updated, field)));
            if (!UserFields.IsCompared(field))
            {
                continue;
            }

            if (Arg(UserFields.Value(original, field)) is { } expected)
            {
                where.Append(CultureInfo.InvariantCulture, $" AND {column} = @old_{column}");
                args.Add("old_" + column, expected);
            }
            else
            {
                where.Append(CultureInfo.InvariantCulture, $" AND {column} IS NULL");
            }
        }

        var sql = $"UPDATE authsome_users SET {set} WHERE {where}";
        var written = await db.WriteAsync(Entity, s => s.ExecuteAsync(sql, args, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (written > 0)
        {
            return true;
        }

        return await GetAsync(original.Id, cancellationToken).ConfigureAwait(false) is null
            ? throw new StoreNotFoundException(Entity)
            : false;
    }

    public async ValueTask<bool> DeleteAsync(Id<User> id, DateTimeOffset deletedAt, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync($"UPDATE authsome_users SET deleted_at = @deleted_at WHERE id = @id AND {Live}", new { id = id.ToString(), deleted_at = D.Time(StoreTime.Normalize(deletedAt)) }, cancellationToken),
            cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<Page<User>> ListAsync(UserQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new StringBuilder($"app_id = @app_id AND {Live}");
        if (query.EnvId is not null)
        {
            filter.Append(" AND env_id = @env_id");
        }

        if (!string.IsNullOrEmpty(query.EmailContains))
        {
            filter.Append(@" AND email LIKE @email_pattern ESCAPE '\'");
        }

        var args = new
        {
            app_id = query.AppId.ToString(),
            env_id = query.EnvId?.ToString(),
            email_pattern = query.EmailContains is { Length: > 0 } part ? $"%{Like.Escape(part.ToLowerInvariant())}%" : null,
        };
        return await Paging.ListAsync(db, Entity, "authsome_users", Columns, filter.ToString(), args, query.Page, query.Page.After<User>()?.ToString(), Map, u => u.Id.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<User?> GetByAsync(string column, Id<App> appId, Id<AppEnvironment> envId, string value, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync(
                $"{Select} WHERE app_id = @app_id AND env_id = @env_id AND {column} = @value AND {Live}",
                new { app_id = appId.ToString(), env_id = envId.ToString(), value },
                Map,
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    private object? Arg(object? value) => value switch
    {
        DateTimeOffset time => D.Time(time),
        System.Collections.Immutable.ImmutableDictionary<string, string> map => D.Json(JsonColumn.Map(map)),
        _ => value,
    };

    private object Args(User u) => new
    {
        id = u.Id.ToString(),
        app_id = u.AppId.ToString(),
        env_id = u.EnvId.ToString(),
        email = u.Email,
        email_verified = u.EmailVerified,
        name = u.Name,
        first_name = u.FirstName,
        last_name = u.LastName,
        image = u.Image,
        username = u.Username,
        display_username = u.DisplayUsername,
        phone = u.Phone,
        phone_verified = u.PhoneVerified,
        password_hash = u.PasswordHash,
        password_changed_at = D.Time(u.PasswordChangedAt),
        banned = u.Banned,
        ban_reason = u.BanReason,
        ban_expires = D.Time(u.BanExpires),
        metadata = D.Json(JsonColumn.Map(u.Metadata)),
        created_at = D.Time(u.CreatedAt),
        updated_at = D.Time(u.UpdatedAt),
    };

    internal static User Map(RowReader r) => new()
    {
        Id = r.Id<User>("id"),
        AppId = r.Id<App>("app_id"),
        EnvId = r.Id<AppEnvironment>("env_id"),
        Email = r.Text("email"),
        EmailVerified = r.Bool("email_verified"),
        Name = r.TextOrNull("name"),
        FirstName = r.TextOrNull("first_name"),
        LastName = r.TextOrNull("last_name"),
        Image = r.TextOrNull("image"),
        Username = r.TextOrNull("username"),
        DisplayUsername = r.TextOrNull("display_username"),
        Phone = r.TextOrNull("phone"),
        PhoneVerified = r.Bool("phone_verified"),
        PasswordHash = r.TextOrNull("password_hash"),
        PasswordChangedAt = r.TimeOrNull("password_changed_at"),
        Banned = r.Bool("banned"),
        BanReason = r.TextOrNull("ban_reason"),
        BanExpires = r.TimeOrNull("ban_expires"),
        Metadata = r.Map("metadata"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
        DeletedAt = r.TimeOrNull("deleted_at"),
    };
}
