namespace Authsome.Passwords;

/// <summary>
/// A request's place in the <see cref="PasswordHashingGate"/>, taken before its body was read, and its turn to work
/// (<see cref="HasTurn"/>); disposing it frees both, once.
/// </summary>
internal sealed class RequestAdmission(PasswordHashingGate gate) : IDisposable
{
    private int _released;

    public bool IsActive => Volatile.Read(ref _released) == 0;

    /// <summary>
    /// False when no turn came within the gate's queue timeout: the request is to be refused like one that found the
    /// gate full, and its place is already free.
    /// </summary>
    public bool HasTurn { get; private set; }

    /// <summary>Waits for the turn; without one (timed out or cancelled), frees the place before returning.</summary>
    internal async ValueTask<RequestAdmission?> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        try
        {
            HasTurn = await gate.WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
            return this;
        }
        finally
        {
            if (!HasTurn)
            {
                Dispose();
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            gate.Release(HasTurn);
        }
    }
}
