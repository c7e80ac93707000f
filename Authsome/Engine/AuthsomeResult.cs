using System.Diagnostics.CodeAnalysis;
using Authsome.Errors;

namespace Authsome;

/// <summary>
/// The outcome of an engine operation that has no value: success, or a <see cref="AuthsomeFailure"/> with a stable code.
/// Expected refusals (bad input, wrong credentials, a hook's refusal) are failures; faults of the infrastructure
/// (the store unavailable, password hashing saturated, cancellation) are thrown.
/// </summary>
public sealed class AuthsomeResult
{
    private AuthsomeResult(AuthsomeFailure? failure) => Failure = failure;

    /// <summary>The successful result.</summary>
    public static AuthsomeResult Success { get; } = new(null);

    /// <summary>Why the operation failed; null when it succeeded.</summary>
    public AuthsomeFailure? Failure { get; }

    /// <summary>Whether the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    /// <summary>A failed result.</summary>
    public static AuthsomeResult Failed(AuthsomeFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new AuthsomeResult(failure);
    }

    /// <summary>Throws the failure as an <see cref="AuthsomeException"/> (which the engine's routes answer as a problem).</summary>
    public void ThrowIfFailed()
    {
        if (!Succeeded)
        {
            throw Failure.ToException();
        }
    }

    internal static async ValueTask<AuthsomeResult> RunAsync(Func<ValueTask> operation)
    {
        try
        {
            await operation();
            return Success;
        }
        catch (AuthsomeException ex)
        {
            return Failed(AuthsomeFailure.From(ex));
        }
    }
}

/// <summary>
/// The outcome of an engine operation: its <see cref="Value"/>, or a <see cref="AuthsomeFailure"/> with a stable code.
/// Expected refusals (bad input, wrong credentials, a hook's refusal) are failures; faults of the infrastructure
/// (the store unavailable, password hashing saturated, cancellation) are thrown.
/// </summary>
/// <typeparam name="T">The value of a success.</typeparam>
public sealed class AuthsomeResult<T>
    where T : notnull
{
    private AuthsomeResult(T? value, AuthsomeFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>The value; present exactly when the operation succeeded.</summary>
    public T? Value { get; }

    /// <summary>Why the operation failed; null when it succeeded.</summary>
    public AuthsomeFailure? Failure { get; }

    /// <summary>Whether the operation succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    /// <summary>A successful result.</summary>
    public static AuthsomeResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new AuthsomeResult<T>(value, null);
    }

    /// <summary>A failed result.</summary>
    public static AuthsomeResult<T> Failed(AuthsomeFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new AuthsomeResult<T>(default, failure);
    }

    /// <summary>The value, or the failure thrown as an <see cref="AuthsomeException"/> (which the engine's routes answer as a problem).</summary>
    public T GetValueOrThrow() => Succeeded ? Value : throw Failure.ToException();

    internal static async ValueTask<AuthsomeResult<T>> RunAsync(Func<ValueTask<T>> operation)
    {
        try
        {
            return Success(await operation());
        }
        catch (AuthsomeException ex)
        {
            return Failed(AuthsomeFailure.From(ex));
        }
    }
}
