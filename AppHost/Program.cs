// The application's resource graph, written once: PostgreSQL (MongoDB instead when ConnectionStrings:mongo is
// given), the migrator that must finish before the API starts, and the API. `dotnet run --project AppHost` runs it;
// `dotnet run --project AppHost -- --publisher manifest --output-path FILE` writes its deployment manifest instead.
// See docs/hosting.md.
var builder = DistributedApplication.CreateBuilder(args);

IResourceBuilder<IResourceWithConnectionString> authsomeDb = builder.Configuration["ConnectionStrings:mongo"] is null
    ? builder.AddPostgres("postgres").AddDatabase("authsome")
    : builder.AddMongoDB("mongo").AddDatabase("authsome");

var migrator = builder.AddProject<Projects.Authsome_Migrator>("migrator")
    .WithReference(authsomeDb)
    .WaitFor(authsomeDb);

builder.AddProject<Projects.Authsome_Api>("api")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithEnvironment("Authsome__MigrateOnStart", "false")
    .WithReference(authsomeDb)
    .WaitForCompletion(migrator);

builder.Build().Run();
