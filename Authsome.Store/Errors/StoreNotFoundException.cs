namespace Authsome.Store;

/// <summary>
/// An update or state change named an entity that does not exist (or, for users, was deleted).
/// Lookups do not throw this: <c>Get*</c> methods return <c>null</c> instead.
/// </summary>
public sealed class StoreNotFoundException : StoreException
{
    /// <summary>Creates the exception for an entity kind, e.g. "user".</summary>
    public StoreNotFoundException(string entity)
        : base($"The {entity} was not found.") => Entity = entity;

    /// <summary>The kind of entity that was missing, e.g. "user" or "session".</summary>
    public string Entity { get; }
}
