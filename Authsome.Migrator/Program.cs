using Authsome.Migrator;

// Runs the work in Program, after building the host and without starting it: the engine's start-up (which would
// migrate or write data before the schema exists) never runs, and the exit code is exactly what the run returns.
var run = MigratorCommand.Parse(args);
var builder = Host.CreateApplicationBuilder(run.HostArguments);
builder.AddServiceDefaults();
builder.AddAuthsomeEngineCore();

// The engine's core (no web parts) builds in a plain host, so the whole container is checked up front.
builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));

using var host = builder.Build();
return await new MigratorRun(host.Services, Console.Out).ExecuteAsync(run, CancellationToken.None);
