namespace Authsome.Passwords;

/// <summary>
/// Endpoint metadata of a route that hashes a password (sign-in, sign-up): <see cref="PasswordHashingAdmissionMiddleware"/>
/// takes the request's place in the <see cref="PasswordHashingGate"/> before anything else runs for it.
/// </summary>
internal sealed class PasswordHashingAdmission
{
    public static readonly PasswordHashingAdmission Instance = new();

    private PasswordHashingAdmission()
    {
    }
}
