using Authsome.Store;

namespace Authsome.ApiKeys;

/// <summary>
/// An API key the Authsome scheme accepted, with its owner: a user (the key acts as that user, limited to its
/// scopes) or a service account.
/// </summary>
/// <param name="Key">The stored key (hash only).</param>
/// <param name="User">The owning user, when a user owns the key.</param>
/// <param name="ServiceAccount">The owning service account, when one owns the key.</param>
public sealed record AuthenticatedApiKey(ApiKey Key, User? User, ServiceAccount? ServiceAccount)
{
    /// <summary>Whether the key may do what <paramref name="scope"/> names: a key without scopes may do all its owner may; otherwise one of its scopes must match (<c>*</c> and trailing-<c>*</c> patterns allowed).</summary>
    public bool Allows(string scope) => Key.Scopes.IsEmpty || Key.Scopes.Any(granted => RbacEvaluator.Matches(granted, scope));
}
