using Authsome.Errors;
using Authsome.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Authsome.Passwords;

/// <summary>
/// Refuses a route marked <see cref="PasswordHashingAdmission"/> with 503 <c>service_busy</c> when the hashing gate is
/// full, before its body is read or the database is asked anything: under a storm of sign-ins, the cores go to the
/// hashes that will finish, not to parsing and looking up requests that would be shed after that work anyway. The
/// refusal is sent after <see cref="AuthsomePasswordOptions.RefusalDelay"/>, so that clients retrying at once do not
/// turn the storm into a loop of refusals that costs as much CPU as the hashes. An admitted request then waits for its
/// turn (<see cref="PasswordHashingGate.AdmitRequestAsync"/>), and is refused the same way if none comes within the queue timeout.
/// Shedding is counted (<c>authsome.password_hashing.shed</c>), not logged: a log line per shed request is itself load.
/// </summary>
internal sealed class PasswordHashingAdmissionMiddleware(
    RequestDelegate next,
    IServiceProvider services,
    IOptions<AuthsomePasswordOptions> options,
    TimeProvider time,
    AuthsomeMetrics metrics)
{
    private readonly PasswordHashingGate? _gate = services.GetService<PasswordHashingGate>();
    private readonly TimeSpan _refusalDelay = options.Value.RefusalDelay;
    private readonly int _maxDelayedRefusals = options.Value.MaxDelayedRefusals;
    private int _delayedRefusals;

    public Task InvokeAsync(HttpContext context) =>
        _gate is not null && context.GetEndpoint()?.Metadata.GetMetadata<PasswordHashingAdmission>() is not null
            ? AdmitAsync(context, _gate)
            : next(context);

    private async Task AdmitAsync(HttpContext context, PasswordHashingGate gate)
    {
        RequestAdmission? admission;
        try
        {
            admission = await gate.AdmitRequestAsync(context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (admission is null)
        {
            metrics.HashingShed();
            if (await WaitBeforeRefusingAsync(context.RequestAborted))
            {
                await RefuseAsync(context);
            }

            return;
        }

        if (!admission.HasTurn)
        {
            // It has waited the queue timeout already: no refusal delay on top.
            metrics.HashingShed();
            await RefuseAsync(context);
            return;
        }

        using (admission)
        {
            await next(context);
        }
    }

    private static Task RefuseAsync(HttpContext context) =>
        ProblemResponses.WriteAsync(context, AuthsomeErrors.ServiceBusy, "Too many sign-ins are being processed; retry shortly.", retryAfterSeconds: 2);

    /// <summary>Holds the refusal for the delay when there is room for one more; false when the client went away meanwhile.</summary>
    private async ValueTask<bool> WaitBeforeRefusingAsync(CancellationToken requestAborted)
    {
        if (_refusalDelay <= TimeSpan.Zero)
        {
            return true;
        }

        if (Interlocked.Increment(ref _delayedRefusals) > _maxDelayedRefusals)
        {
            Interlocked.Decrement(ref _delayedRefusals);
            return true;
        }

        try
        {
            await Task.Delay(_refusalDelay, time, requestAborted);
            return true;
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _delayedRefusals);
        }
    }
}
