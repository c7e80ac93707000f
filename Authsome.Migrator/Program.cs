using Authsome.Migrator;

// Runs the work in Program, after building the host and without starting it: the engine's start-up (which would
// migrate or write data before the schema exists) never runs, and the exit code is exactly what the run returns.
var run = MigratorCommand.Parse(args);
var builder = Host.CreateApplicationBuilder(run.HostArguments);
builder.AddServiceDefaults();
builder.AddAuthsomeEngine();

// The engine also registers what only a web host can construct (authorization, the mail outbox); the migrator uses
// the migrator and the store alone, so the whole graph is not validated up front (it is in Development by default).
builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }));

using var host = builder.Build();
return await new MigratorRun(host.Services, Console.Out).ExecuteAsync(run, CancellationToken.None);
