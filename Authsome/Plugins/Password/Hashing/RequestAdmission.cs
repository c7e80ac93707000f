namespace Authsome.Passwords;

/// <summary>A request's place in the <see cref="PasswordHashingGate"/>, taken before its body was read; disposing it frees the place (and its turn) once.</summary>
internal sealed class RequestAdmission(PasswordHashingGate gate) : IDisposable
{
    private int _released;
    private bool _hasTurn;

    public bool IsActive => Volatile.Read(ref _released) == 0;

    /// <summary>
    /// Waits until the request may work: false when no turn came within the gate's queue timeout, and the request
    /// is to be refused like one that found the gate full.
    /// </summary>
    public async ValueTask<bool> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        _hasTurn = await gate.WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
        return _hasTurn;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            gate.Release(_hasTurn);
        }
    }
}
