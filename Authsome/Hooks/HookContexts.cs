using Authsome.Store;

namespace Authsome.Hooks;

/// <summary>A sign-up about to happen. The password is never passed to hooks.</summary>
/// <param name="AppId">The app signed up to.</param>
/// <param name="Email">The normalised email.</param>
/// <param name="Username">The normalised username, if any.</param>
/// <param name="Name">The display name, if any.</param>
/// <param name="Method">How: <c>password</c>, or a plugin's method.</param>
public sealed record SignUpHookContext(Id<App> AppId, string Email, string? Username, string? Name, string Method);

/// <summary>A sign-in about to complete: the credentials were checked and the user is known.</summary>
/// <param name="User">The user signing in.</param>
/// <param name="Method">How: <c>password</c>, or a plugin's method.</param>
/// <param name="IpAddress">The client's address, if known.</param>
/// <param name="UserAgent">The client's User-Agent, if sent.</param>
public sealed record SignInHookContext(User User, string Method, string? IpAddress, string? UserAgent);
