namespace Authsome.Plugins.Social;

/// <summary>Who the provider says the user is, after its answer was validated.</summary>
/// <param name="Subject">The provider's stable user id.</param>
/// <param name="Email">The email, if the provider gave one (lower-cased).</param>
/// <param name="EmailVerified">Whether the provider vouches for the email.</param>
/// <param name="Name">The display name, if given.</param>
/// <param name="Picture">The picture URL, if given.</param>
/// <param name="AccessToken">The provider's access token.</param>
/// <param name="RefreshToken">The provider's refresh token, if it gave one.</param>
internal sealed record SocialIdentity(string Subject, string? Email, bool EmailVerified, string? Name, string? Picture, string? AccessToken, string? RefreshToken);

/// <summary>What an authorization request carries besides the client's settings.</summary>
/// <param name="CallbackUrl">Our callback, where the provider sends the user back.</param>
/// <param name="State">The state.</param>
/// <param name="CodeChallenge">The PKCE S256 challenge.</param>
/// <param name="Nonce">The nonce the ID token must carry.</param>
internal sealed record AuthorizationRequest(string CallbackUrl, string State, string CodeChallenge, string Nonce);

/// <summary>One configured identity provider.</summary>
internal interface ISocialProvider
{
    /// <summary>Where to send the user to sign in at the provider.</summary>
    ValueTask<Uri> AuthorizationUrlAsync(AuthorizationRequest request, CancellationToken cancellationToken);

    /// <summary>Exchanges the code and validates the answer. Throws <see cref="SocialFlowException"/>.</summary>
    ValueTask<SocialIdentity> CompleteAsync(string code, string callbackUrl, string codeVerifier, string nonce, CancellationToken cancellationToken);
}
