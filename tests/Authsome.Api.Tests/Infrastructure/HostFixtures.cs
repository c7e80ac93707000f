namespace Authsome.Api.Tests.Infrastructure;

/// <summary>One Development host per test class (sign-in needs no verified email; rate limits lifted).</summary>
public abstract class HostFixture(Backend backend) : IAsyncLifetime
{
    private ApiHost? host;

    public Backend Backend => backend;

    public ApiHost Host => host ?? throw new InvalidOperationException("The host is not started.");

    public async ValueTask InitializeAsync() => host = await ApiHost.StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class MemoryHost() : HostFixture(Backend.Memory);

public sealed class PostgresHost() : HostFixture(Backend.Postgres);
