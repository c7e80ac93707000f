using Dapper;

namespace Authsome.Store.Relational;

/// <summary>
/// Keyset pagination, the same for every list: rows after the cursor id in id order, one more than the page size
/// to learn whether another page follows, and the total matching the filter across all pages.
/// </summary>
internal static class Paging
{
    /// <param name="db">The database.</param>
    /// <param name="entity">The entity name for errors.</param>
    /// <param name="table">The table listed.</param>
    /// <param name="columns">The columns <paramref name="map"/> reads.</param>
    /// <param name="filter">The WHERE condition, without the cursor.</param>
    /// <param name="args">The filter's parameters.</param>
    /// <param name="page">The page requested.</param>
    /// <param name="after">The cursor as an id string (validated by the caller), or null on the first page.</param>
    /// <param name="map">Maps a row.</param>
    /// <param name="idOf">The id of an item, for the next cursor.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<Page<T>> ListAsync<T>(
        RelationalDatabase db,
        string entity,
        string table,
        string columns,
        string filter,
        object args,
        PageRequest page,
        string? after,
        Func<RowReader, T> map,
        Func<T, string> idOf,
        CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(args);
        parameters.Add("after", after);
        parameters.Add("limit", page.Limit + 1);
        var pageFilter = after is null ? filter : $"({filter}) AND id > @after";
        return db.ReadAsync(
            entity,
            async s =>
            {
                var total = await s.ScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {filter}", parameters, cancellationToken).ConfigureAwait(false);
                var rows = await s.QueryAsync($"SELECT {columns} FROM {table} WHERE {pageFilter} ORDER BY id LIMIT @limit", parameters, map, cancellationToken).ConfigureAwait(false);
                return Page.FromOverfetch(rows, page, total, idOf);
            },
            cancellationToken);
    }
}
