using System.Data.Common;
using System.Globalization;

namespace Authsome.Store.Relational;

/// <summary>
/// One unit of work of a <see cref="RelationalDatabase"/> (see <see cref="IAuthsomeStore.InTransactionAsync{T}"/>): the
/// connection and transaction every call in the unit's async flow runs on, and the first failure that dooms it.
/// </summary>
internal sealed class RelationalUnit(DbConnection connection, DbTransaction transaction)
{
    private int _savepoints;
    private volatile bool _open = true;

    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    /// <summary>False once the unit has ended: a call still carrying it (a task the work did not await) runs on its own.</summary>
    public bool IsOpen => _open;

    /// <summary>The first failure of a call inside the unit; once set, the unit can only roll back.</summary>
    public Exception? Failure { get; private set; }

    public void Doom(Exception failure) => Failure ??= failure;

    public void Close() => _open = false;

    /// <summary>A savepoint name unique within the unit.</summary>
    public string NextSavepoint() => "authsome_sp" + (++_savepoints).ToString(CultureInfo.InvariantCulture);
}
