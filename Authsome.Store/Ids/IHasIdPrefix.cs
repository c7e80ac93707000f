namespace Authsome.Store;

/// <summary>
/// An entity that is identified by a TypeID. The prefix tells what kind of entity an id names
/// (<c>ausr</c> for users, <c>ases</c> for sessions, ...), so an id read from a log or a URL says what it is.
/// </summary>
public interface IHasIdPrefix
{
    /// <summary>The TypeID prefix: lower-case ASCII letters, at most 63 characters.</summary>
    static abstract string IdPrefix { get; }
}
