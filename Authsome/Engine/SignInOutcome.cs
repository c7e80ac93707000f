using Authsome.Sessions;
using Authsome.Store;

namespace Authsome;

/// <summary>A completed sign-in: the user and their new session (with its tokens in plain text, shown only here).</summary>
/// <param name="User">The signed-in user.</param>
/// <param name="Session">The new session and its tokens.</param>
public sealed record SignInOutcome(User User, IssuedSession Session);
