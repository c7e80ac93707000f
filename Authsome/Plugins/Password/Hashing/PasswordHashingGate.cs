using Microsoft.Extensions.Options;

namespace Authsome.Passwords;

/// <summary>
/// Bounds how many password hashes run at once and how many wait for a turn. A hash at the OWASP floor holds
/// 19 MiB for tens of milliseconds, so an unbounded burst of sign-ins would exhaust memory and starve the thread
/// pool; past the bound, callers get <see cref="PasswordHashingBusyException"/> (an HTTP 503) instead. Of the requests
/// it admits, only <see cref="TurnsPerSlot"/> times as many as may hash at once do any work at a time (see <see cref="AdmitRequestAsync"/>).
/// </summary>
internal sealed class PasswordHashingGate : IDisposable
{
    /// <summary>Admitted requests that may work at once, per hashing slot.</summary>
    internal const int TurnsPerSlot = 2;

    private readonly SemaphoreSlim _slots;

    // Admitted requests that may be working at once (reading their body, querying, hashing); the others wait for a
    // turn before they cost anything. Without it, a storm that fills the queue runs every queued request's reads at
    // once, and the connection pool grows to match: each new PostgreSQL backend cost 70-100 ms of database CPU
    // (bench/RESULTS.md), taken from the hashes. Two per slot keep a request ready for each free slot.
    private readonly SemaphoreSlim _turns;
    private readonly int _capacity;
    private readonly TimeSpan _queueTimeout;

    // The admission a request took before its body was read (see AdmitRequestAsync), flowing to the hashes it runs.
    private readonly AsyncLocal<RequestAdmission?> _requestAdmission = new();

    // Running plus waiting operations (or admitted requests); checked before waiting so that the queue stays bounded.
    private int _admitted;

    public PasswordHashingGate(IOptions<AuthsomePasswordOptions> options)
        : this(options.Value.EffectiveMaxConcurrentHashes, options.Value.EffectiveMaxQueuedHashes, options.Value.QueueTimeout)
    {
    }

    internal PasswordHashingGate(int maxConcurrent, int maxQueued, TimeSpan queueTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueued);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(queueTimeout, TimeSpan.Zero);
        _slots = new SemaphoreSlim(maxConcurrent, maxConcurrent);
        _turns = new SemaphoreSlim(TurnsPerSlot * maxConcurrent, TurnsPerSlot * maxConcurrent);
        _capacity = maxConcurrent + maxQueued;
        _queueTimeout = queueTimeout;
    }

    /// <summary>
    /// Runs CPU-bound <paramref name="work"/> on the thread pool once a slot is free.
    /// </summary>
    /// <exception cref="PasswordHashingBusyException">The queue is full, or no slot freed up within the queue timeout.</exception>
    public async ValueTask<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        // A request admitted up front already holds its place; its hashes only wait for a slot.
        var counted = _requestAdmission.Value is not { IsActive: true };
        if (counted && !TryCount())
        {
            throw new PasswordHashingBusyException();
        }

        try
        {
            if (!await _slots.WaitAsync(_queueTimeout, cancellationToken).ConfigureAwait(false))
            {
                throw new PasswordHashingBusyException();
            }

            try
            {
                // Off the caller's thread: a hash is tens of milliseconds of pure CPU.
                return await Task.Run(work, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            if (counted)
            {
                Interlocked.Decrement(ref _admitted);
            }
        }
    }

    /// <summary>
    /// Takes a place for a whole request that will hash, before it costs anything (body, database reads), then waits
    /// for its turn to work. Null when the gate is full, so that a storm is refused for the price of a status code; an
    /// admission without <see cref="RequestAdmission.HasTurn"/> (its place already freed) when no turn came within the
    /// queue timeout. Otherwise the place and the turn are held, and the request's hashes run under them, until the
    /// admission is disposed.
    /// </summary>
    /// <remarks>Not async: the admission is set in the caller's flow, where the request's hashes will run.</remarks>
    public ValueTask<RequestAdmission?> AdmitRequestAsync(CancellationToken cancellationToken)
    {
        if (!TryCount())
        {
            return ValueTask.FromResult<RequestAdmission?>(null);
        }

        var admission = new RequestAdmission(this);
        _requestAdmission.Value = admission;
        return admission.WaitForTurnAsync(cancellationToken);
    }

    private bool TryCount()
    {
        if (Interlocked.Increment(ref _admitted) > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            return false;
        }

        return true;
    }

    public void Dispose()
    {
        _slots.Dispose();
        _turns.Dispose();
    }

    internal Task<bool> WaitForTurnAsync(CancellationToken cancellationToken) => _turns.WaitAsync(_queueTimeout, cancellationToken);

    internal void Release(bool hadTurn)
    {
        if (hadTurn)
        {
            _turns.Release();
        }

        Interlocked.Decrement(ref _admitted);
    }
}
