namespace Authsome.Store;

/// <summary>A write broke a uniqueness or integrity rule; <see cref="Kind"/> says which.</summary>
public sealed class StoreConflictException : StoreException
{
    /// <summary>Creates the exception.</summary>
    public StoreConflictException(ConflictKind kind, string entity, Exception? innerException = null)
        : base($"The {entity} conflicts with a stored one ({kind}).", innerException)
    {
        Kind = kind;
        Entity = entity;
    }

    /// <summary>Which rule the write broke.</summary>
    public ConflictKind Kind { get; }

    /// <summary>The kind of entity written, e.g. "user".</summary>
    public string Entity { get; }
}
