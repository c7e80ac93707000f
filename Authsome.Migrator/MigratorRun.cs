using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Authsome.Admin;
using Authsome.Store.Migrations;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Authsome.Migrator;

/// <summary>
/// One run of the migrator over the built (not started) host: applies or lists the migrations through
/// <see cref="IAuthsomeMigrator"/>, inside an Activity, and turns the outcome into the exit code.
/// </summary>
internal sealed class MigratorRun(IServiceProvider services, TextWriter output)
{
    /// <summary>Everything applied (or listed) as asked.</summary>
    public const int Succeeded = 0;

    /// <summary>Configuration, connection or a migration failed; the log and the trace say which.</summary>
    public const int Failed = 1;

    /// <summary>Stopped by Ctrl+C or SIGTERM before it finished (128 + SIGINT, as a shell reports it).</summary>
    public const int Cancelled = 130;

    /// <summary>The migrator's ActivitySource, named after its assembly so ServiceDefaults traces it.</summary>
    public static readonly ActivitySource ActivitySource = new(typeof(MigratorRun).Assembly.GetName().Name!);

    public async Task<int> ExecuteAsync(MigratorCommand command, CancellationToken cancellationToken)
    {
        var mode = command.Mode;
        // The host is not started, so build the telemetry providers here: they listen from now on and flush when
        // the host is disposed.
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Authsome.Migrator");

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var activity = ActivitySource.StartActivity(mode == MigratorMode.List ? "authsome.migrations.list" : "authsome.migrations.apply");
        try
        {
            // Options are validated at host start; this host is never started, so validate them here.
            _ = services.GetRequiredService<IOptions<AuthsomeOptions>>().Value;
            var migrator = services.GetRequiredService<IAuthsomeMigrator>();
            if (mode == MigratorMode.GrantAdmin)
            {
                // The schema must be there; applying what is pending first keeps the command usable on a fresh database.
                await migrator.MigrateAsync(stopping.Token);
                var granted = await services.GetRequiredService<IPlatformAdmins>().GrantAsync(command.Email!, stopping.Token);
                output.WriteLine(granted
                    ? "Granted platform:admin to the platform-app user with that email."
                    : "No platform-app user has that email; sign up first, or set Authsome:Bootstrap:AdminEmails.");
                activity?.SetStatus(granted ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
                return granted ? Succeeded : Failed;
            }

            if (mode == MigratorMode.List)
            {
                var status = await migrator.GetStatusAsync(stopping.Token);
                PrintStatus(status);
                activity?.SetTag("authsome.migrations.pending", status.Pending.Count());
            }
            else
            {
                logger.Migrating();
                var applied = await migrator.MigrateAsync(stopping.Token);
                activity?.SetTag("authsome.migrations.applied", applied.Count);
                logger.Migrated(applied.Count);
            }

            activity?.SetStatus(ActivityStatusCode.Ok);
            return Succeeded;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            logger.Cancelled();
            return Cancelled;
        }
        catch (Exception exception)
        {
            // Any failure, whatever its type, must end in a non-zero exit code with the reason in the log and the trace.
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity?.AddException(exception);
            logger.Failed(exception);
            return Failed;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }
    }

    private void PrintStatus(MigrationStatus status)
    {
        foreach (var migration in status.Planned)
        {
            var state = migration.AppliedAt is { } at ? "applied " + at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "pending";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{state,-28} {migration.Group,-24} {migration.Version} {migration.Name}"));
        }

        foreach (var unknown in status.Unknown)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{"unknown to this build",-28} {unknown.Group,-24} {unknown.Version} {unknown.Name}"));
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{status.Planned.Count(m => m.IsApplied)} applied, {status.Pending.Count()} pending, {status.Unknown.Count} unknown to this build"));
    }
}
