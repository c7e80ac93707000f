using Authsome.AppHost.MongoDB;
using Authsome.AppHost.Postgres;

// Authsome's topology: the database, the migrator that must finish first, and the API. `dotnet run --project AppHost`
// runs it with Aspire's dashboard; `-- --publisher manifest --output-path FILE` writes Aspire's manifest. See docs/hosting.md.
var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL: ConnectionStrings:authsome when given, else Aspire's container, else a server from the local binaries.
// MongoDB instead with Authsome:Store=mongo.
IResourceBuilder<IResourceWithConnectionString> db = builder.Configuration["Authsome:Store"] == "mongo"
    ? builder.AddMongo("mongo").AddMongoDatabase("authsome")
    : builder.AddPostgresDatabase("postgres", "authsome");

// Only ConnectionStrings__authsome: not Aspire's extra AUTHSOME_HOST/_PASSWORD/... variables.
var migrator = builder.AddProject<Projects.Authsome_Migrator>("migrator")
    .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionString)
    .WithReference(db)
    .WaitFor(db);

builder.AddProject<Projects.Authsome_Api>("api")
    .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionString)
    .WithReference(db)
    .WaitForCompletion(migrator)
    .WithEnvironment("Authsome__MigrateOnStart", "false")
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
