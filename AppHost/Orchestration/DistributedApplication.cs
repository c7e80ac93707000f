using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Authsome.AppHost.Orchestration;

/// <summary>
/// The built application: <see cref="Run"/> either publishes the manifest (<c>--publisher manifest
/// --output-path FILE</c>) or provisions and starts every resource, then stops them all on Ctrl+C.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private static readonly AsyncLocal<Action<DistributedApplication>?> s_runInterceptor = new();
    private readonly IHost _host;

    internal DistributedApplication(IHost host, IDistributedApplicationBuilder builder)
    {
        _host = host;
        Builder = builder;
    }

    /// <summary>The builder the application was built from: its configuration, environment and resources.</summary>
    public IDistributedApplicationBuilder Builder { get; }

    /// <summary>Starts building an application from the AppHost's command line.</summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new DistributedApplicationBuilder(args);
    }

    /// <summary>
    /// Lets a test run the AppHost's entry point and receive the application it builds instead of running it, so
    /// the real graph can be inspected without starting anything. Disposing the result ends the interception.
    /// </summary>
    internal static IDisposable InterceptRun(Action<DistributedApplication> intercept)
    {
        s_runInterceptor.Value = intercept;
        return new Interception();
    }

    /// <summary>Runs the application to its end and sets the process's exit code (see <see cref="RunAsync"/>).</summary>
    public void Run() => RunAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Publishes or runs, then sets <see cref="Environment.ExitCode"/>: 0 after publishing or after a requested stop;
    /// a failed resource's exit code (or 1) when start-up failed or a resource stopped by itself.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (s_runInterceptor.Value is { } intercept)
        {
            intercept(this);
            return;
        }

        await using (this)
        {
            Environment.ExitCode = await ExecuteAsync(cancellationToken);
        }
    }

    private async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var loggerFactory = _host.Services.GetRequiredService<ILoggerFactory>();
        if (Builder.ExecutionContext.IsPublishMode)
        {
            return await ManifestPublisher.PublishAsync(Builder, loggerFactory.CreateLogger<ManifestPublisher>(), cancellationToken);
        }

        await using var orchestrator = new Orchestrator(Builder, loggerFactory.CreateLogger<Orchestrator>(), Console.Out);
        return await orchestrator.RunAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }

    private sealed class Interception : IDisposable
    {
        public void Dispose() => s_runInterceptor.Value = null;
    }
}
