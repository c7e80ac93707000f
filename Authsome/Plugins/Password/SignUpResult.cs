using Authsome.Sessions;
using Authsome.Store;

namespace Authsome.Plugins.Password;

/// <summary>What sign-up answers: the user (real, or a look-alike for a taken email), and a session unless verification is required first.</summary>
internal sealed record SignUpResult(User User, IssuedSession? Session, bool EmailVerificationRequired);
