using MongoDB.Driver;

namespace Authsome.Store.Mongo;

/// <summary>
/// One unit of work of a <see cref="MongoStore"/> (see <see cref="IAuthsomeStore.InTransactionAsync{T}"/>): the client
/// session every collection call of the unit's async flow runs in (<see cref="MongoSessionCollection"/>), and the
/// first failure that dooms it.
/// </summary>
internal sealed class MongoUnit(MongoContext owner, IClientSessionHandle session)
{
    private static readonly AsyncLocal<MongoUnit?> Ambient = new();
    private volatile bool _open = true;

    /// <summary>The open unit of the current async flow, of any store; null outside one.</summary>
    public static MongoUnit? Current
    {
        get => Ambient.Value is { IsOpen: true } unit ? unit : null;
        set => Ambient.Value = value;
    }

    public MongoContext Owner { get; } = owner;

    public IClientSessionHandle Session { get; } = session;

    public bool IsOpen => _open;

    /// <summary>The first failure of a call inside the unit; once set, the unit can only roll back.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>The open unit of the current async flow on <paramref name="context"/>'s store, or null.</summary>
    public static MongoUnit? Of(MongoContext context) => Current is { } unit && unit.Owner == context ? unit : null;

    public void Doom(Exception failure) => Failure ??= failure;

    public void Close() => _open = false;
}
