using Authsome.Errors;
using Authsome.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Passwords;

/// <summary>
/// Refuses a route marked <see cref="PasswordHashingAdmission"/> with 503 <c>service_busy</c> when the hashing gate is
/// full, before its body is read or the database is asked anything: under a storm of sign-ins, the cores go to the
/// hashes that will finish, not to parsing and looking up requests that would be shed after that work anyway.
/// Shedding is counted (<c>authsome.password_hashing.shed</c>), not logged: a log line per shed request is itself load.
/// </summary>
internal sealed class PasswordHashingAdmissionMiddleware(RequestDelegate next, IServiceProvider services, AuthsomeMetrics metrics)
{
    private readonly PasswordHashingGate? _gate = services.GetService<PasswordHashingGate>();

    public Task InvokeAsync(HttpContext context) =>
        _gate is not null && context.GetEndpoint()?.Metadata.GetMetadata<PasswordHashingAdmission>() is not null
            ? AdmitAsync(context, _gate)
            : next(context);

    private async Task AdmitAsync(HttpContext context, PasswordHashingGate gate)
    {
        using var admission = gate.TryAdmitRequest();
        if (admission is null)
        {
            metrics.HashingShed();
            await ProblemResponses.WriteAsync(context, AuthsomeErrors.ServiceBusy, "Too many sign-ins are being processed; retry shortly.", retryAfterSeconds: 2);
            return;
        }

        await next(context);
    }
}
