namespace Authsome.Passwords;

/// <summary>A request's place in the <see cref="PasswordHashingGate"/>, taken before its body was read; disposing it frees the place once.</summary>
internal sealed class RequestAdmission(PasswordHashingGate gate) : IDisposable
{
    private int _released;

    public bool IsActive => Volatile.Read(ref _released) == 0;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            gate.Release();
        }
    }
}
