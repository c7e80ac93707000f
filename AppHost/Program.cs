// The application's resource graph, written once: PostgreSQL (or MongoDB when ConnectionStrings:mongo is given),
// the migrator that must finish before the API starts, and the API. `dotnet run --project AppHost` runs it;
// `-- --publisher manifest --output-path FILE` writes its deployment manifest instead. See docs/hosting.md.
var builder = DistributedApplication.CreateBuilder(args);

IResourceBuilder<IResourceWithConnectionString> authsomeDb = builder.Configuration["ConnectionStrings:mongo"] is null
    ? builder.AddPostgres("postgres").AddDatabase("authsome")
    : builder.AddMongoDB("mongo").AddDatabase("authsome");

builder.Build().Run();
