using System.Net;
using System.Runtime.InteropServices;
using Authsome.Hosting;
using Microsoft.Extensions.Logging;

namespace Authsome.AppHost.Orchestration;

/// <summary>
/// Run mode: provisions and starts every resource once what it waits for is there, reports the URLs, and on Ctrl+C
/// (SIGINT) or SIGTERM stops the projects (newest first) and removes the database cluster it started. A resource
/// that fails stops the whole start-up: its exit code and last output lines are reported and become the AppHost's
/// exit code.
/// </summary>
internal sealed partial class Orchestrator(IDistributedApplicationBuilder builder, ILogger logger, TextWriter console) : IAsyncDisposable
{
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_healthPollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan s_healthReportInterval = TimeSpan.FromSeconds(10);

    private readonly Dictionary<IResource, Task> _ready = [];
    private readonly Dictionary<ProjectResource, ResourceProcess> _processes = [];
    private readonly List<LocalPostgresCluster> _clusters = [];
    private readonly Lock _gate = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private CancellationToken _stopping;

    /// <summary>Runs until stopped; returns the AppHost's exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stopping = stopping.Token;
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);
        ReportTelemetryTarget();
        try
        {
            await Task.WhenAll(builder.Resources.Select(ReadyAsync).ToList()).WaitAsync(_stopping);
            ReportUrls();
            throw await FirstUnexpectedExitAsync();
        }
        catch (Exception e) when (stopping.IsCancellationRequested && e is OperationCanceledException or ResourceFailedException)
        {
            // A project that exits because of the same Ctrl+C (a terminal signals the whole process group) is no failure.
            LogStopping(logger);
            return 0;
        }
        catch (ResourceFailedException failure) when (!stopping.IsCancellationRequested)
        {
            ReportFailure(failure);
            return failure.ExitCode is > 0 and < 256 ? failure.ExitCode.Value : 1;
        }
        finally
        {
            // Ends whatever still waits or starts, so that everything started can be stopped.
            await stopping.CancelAsync();
            await StopAllAsync();
        }

        void RequestStop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }
    }

    /// <summary>Waits until a project that should keep running exits; a project that completed with 0 has done its work.</summary>
    private async Task<ResourceFailedException> FirstUnexpectedExitAsync()
    {
        List<KeyValuePair<ProjectResource, ResourceProcess>> running;
        lock (_gate)
        {
            running = [.. _processes.Where(p => !p.Value.Exited.IsCompletedSuccessfully || p.Value.Exited.Result != 0)];
        }

        var never = new TaskCompletionSource<int>().Task;
        var exited = await Task.WhenAny([never, .. running.Select(p => p.Value.Exited)]).WaitAsync(_stopping);
        var (project, process) = running.First(p => p.Value.Exited == exited);
        return new ResourceFailedException(project, $"{project.Name} exited by itself.", await exited, process.LastLines());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAllAsync();
        _http.Dispose();
    }

    private Task ReadyAsync(IResource resource)
    {
        lock (_gate)
        {
            if (!_ready.TryGetValue(resource, out var ready))
            {
                ready = StartAsync(resource);
                _ready[resource] = ready;
            }

            return ready;
        }
    }

    private async Task StartAsync(IResource resource)
    {
        // Let every resource's start be registered before any of them runs.
        await Task.Yield();
        if (resource is IResourceWithParent child)
        {
            await ReadyAsync(child.Parent);
        }

        if (resource is IResourceWithWaitSupport waiting)
        {
            foreach (var wait in waiting.Waits)
            {
                await WaitAsync(resource, wait);
            }
        }

        try
        {
            switch (resource)
            {
                case PostgresServerResource postgres:
                    if (await PostgresProvisioner.ProvisionAsync(postgres, logger, _stopping) is { } cluster)
                    {
                        lock (_gate)
                        {
                            _clusters.Add(cluster);
                        }
                    }

                    break;
                case PostgresDatabaseResource database:
                    await PostgresProvisioner.EnsureDatabaseAsync(database, logger, _stopping);
                    break;
                case IResourceWithConnectionString other:
                    // A configured server (MongoDB): there is nothing to start, but it must be given.
                    await other.GetConnectionStringAsync(_stopping);
                    break;
                case ProjectResource project:
                    await StartProjectAsync(project);
                    break;
                default:
                    throw new InvalidOperationException($"Resource '{resource.Name}' ({resource.GetType().Name}) cannot be run.");
            }
        }
        catch (Exception e) when (e is not ResourceFailedException and not OperationCanceledException)
        {
            throw new ResourceFailedException(resource, $"{resource.Name} could not be started: {e.Message}", innerException: e);
        }
    }

    private async Task WaitAsync(IResource resource, WaitAnnotation wait)
    {
        LogWaiting(logger, resource.Name, wait.Resource.Name, wait.WaitType);
        await ReadyAsync(wait.Resource);
        if (wait.WaitType != WaitType.WaitUntilCompleted)
        {
            return;
        }

        var dependency = wait.Resource as ProjectResource
            ?? throw new InvalidOperationException($"{resource.Name} waits for {wait.Resource.Name} to complete, but only projects complete.");
        ResourceProcess process;
        lock (_gate)
        {
            process = _processes[dependency];
        }

        var exitCode = await process.Exited.WaitAsync(_stopping);
        if (exitCode != wait.ExitCode)
        {
            throw new ResourceFailedException(
                dependency,
                $"{dependency.Name} exited with code {exitCode} (expected {wait.ExitCode}), so {resource.Name} is not started.",
                exitCode,
                process.LastLines());
        }

        LogCompleted(logger, dependency.Name);
    }

    private async Task StartProjectAsync(ProjectResource project)
    {
        var environment = await project.GetEnvironmentVariableValuesAsync(builder, _stopping);
        _stopping.ThrowIfCancellationRequested();
        var process = ResourceProcess.Start(project, environment, console);
        lock (_gate)
        {
            _processes[project] = process;
        }

        LogStarted(logger, project.Name, process.ProcessId);
        if (project.HealthCheckPath is { } path && project.HttpEndpoint is { } endpoint)
        {
            await WaitUntilHealthyAsync(project, process, new Uri(endpoint.Url, path));
        }
    }

    private async Task WaitUntilHealthyAsync(ProjectResource project, ResourceProcess process, Uri health)
    {
        var lastReport = TimeProvider.System.GetTimestamp();
        string lastStatus = "no answer";
        while (!process.Exited.IsCompleted)
        {
            try
            {
                using var response = await _http.GetAsync(health, _stopping);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    LogHealthy(logger, project.Name, health);
                    return;
                }

                lastStatus = $"{(int)response.StatusCode} {response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !_stopping.IsCancellationRequested))
            {
                lastStatus = "no answer";
            }

            if (TimeProvider.System.GetElapsedTime(lastReport) > s_healthReportInterval)
            {
                LogStillWaiting(logger, project.Name, health, lastStatus);
                lastReport = TimeProvider.System.GetTimestamp();
            }

            await Task.WhenAny(process.Exited, Task.Delay(s_healthPollInterval, _stopping));
            _stopping.ThrowIfCancellationRequested();
        }

        throw new ResourceFailedException(
            project, $"{project.Name} exited with code {await process.Exited} before it was healthy.", await process.Exited, process.LastLines());
    }

    private async Task StopAllAsync()
    {
        Task[] starting;
        lock (_gate)
        {
            starting = [.. _ready.Values];
        }

        // Their failures were reported already (or do not matter once stopping); what counts is that they are over.
        await Task.WhenAll(starting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        List<KeyValuePair<ProjectResource, ResourceProcess>> processes;
        List<LocalPostgresCluster> clusters;
        lock (_gate)
        {
            processes = [.. _processes.Reverse()];
            clusters = [.. _clusters];
            _processes.Clear();
            _clusters.Clear();
        }

        foreach (var (project, process) in processes)
        {
            if (!process.Exited.IsCompleted)
            {
                await process.StopAsync(s_stopGrace);
                LogStoppedProject(logger, project.Name, await process.Exited);
            }
        }

        foreach (var cluster in clusters)
        {
            await cluster.DisposeAsync();
            LogClusterRemoved(logger, cluster.Port);
        }
    }

    private void ReportTelemetryTarget()
    {
        if (ProjectEnvironment.OtlpEndpoint(builder.Configuration) is { } otlp)
        {
            LogOtlp(logger, otlp.Endpoint, otlp.Protocol);
        }
        else
        {
            LogNoOtlp(logger, ProjectEnvironment.OtlpGrpcEndpointKey, ProjectEnvironment.OtlpHttpEndpointKey);
        }
    }

    private void ReportUrls()
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>().Where(p => p.HttpEndpoint is not null))
        {
            LogUrl(logger, project.Name, project.HttpEndpoint!.Url);
        }

        LogRunning(logger);
    }

    private void ReportFailure(ResourceFailedException failure)
    {
        LogFailed(logger, failure.Resource.Name, failure.Message, failure.InnerException);
        if (failure.LastLines.Count > 0)
        {
            console.WriteLine($"Last lines of {failure.Resource.Name}:");
            foreach (var line in failure.LastLines)
            {
                console.WriteLine($"  {line}");
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Resource} waits for {Dependency} ({WaitType})")]
    private static partial void LogWaiting(ILogger logger, string resource, string dependency, WaitType waitType);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Resource} started (process {ProcessId})")]
    private static partial void LogStarted(ILogger logger, string resource, int processId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Resource} completed with exit code 0")]
    private static partial void LogCompleted(ILogger logger, string resource);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{Resource} is healthy ({Health} answered 200)")]
    private static partial void LogHealthy(ILogger logger, string resource, Uri health);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{Resource}: still waiting for {Health} to answer 200 (last: {Status})")]
    private static partial void LogStillWaiting(ILogger logger, string resource, Uri health, string status);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "{Resource}: {Url}")]
    private static partial void LogUrl(ILogger logger, string resource, Uri url);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Everything is running. Press Ctrl+C to stop.")]
    private static partial void LogRunning(ILogger logger);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Stopping")]
    private static partial void LogStopping(ILogger logger);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "{Resource} stopped (exit code {ExitCode})")]
    private static partial void LogStoppedProject(ILogger logger, string resource, int exitCode);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Throw-away PostgreSQL cluster on port {Port} stopped and removed")]
    private static partial void LogClusterRemoved(ILogger logger, int port);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Start-up failed at {Resource}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string resource, string reason, Exception? exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Telemetry: projects export OTLP to {Endpoint} ({Protocol})")]
    private static partial void LogOtlp(ILogger logger, string endpoint, string protocol);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Telemetry: no OTLP collector configured, so the projects export nothing. This AppHost cannot start the Aspire dashboard container (it has no container support); run any OTLP collector (the standalone Aspire dashboard image, an OpenTelemetry Collector, Jaeger) and set {GrpcKey} (e.g. http://localhost:4317) or {HttpKey} (e.g. http://localhost:4318) for the AppHost.")]
    private static partial void LogNoOtlp(ILogger logger, string grpcKey, string httpKey);
}
