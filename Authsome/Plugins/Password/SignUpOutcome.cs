using Authsome.Sessions;
using Authsome.Store;

namespace Authsome.Plugins.Password;

/// <summary>
/// What password sign-up answers: the user (for a taken email, a look-alike that is not stored, so the answer does
/// not reveal the email is taken), and a session unless the email must be verified first.
/// </summary>
/// <param name="User">The new user, or the look-alike.</param>
/// <param name="Session">The new session; null when <paramref name="EmailVerificationRequired"/>.</param>
/// <param name="EmailVerificationRequired">True when a verification mail was sent and sign-in waits for it.</param>
public sealed record SignUpOutcome(User User, IssuedSession? Session, bool EmailVerificationRequired);
