var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAuthsome(authsome => authsome.UseStoreFromConfiguration().AddPassword());
builder.Services.AddAuthsomeAuthentication();
builder.Services.AddAuthsomeOpenApi();

var app = builder.Build();

app.UseAuthsome();
app.MapAuthsome();
app.MapAuthsomeOpenApi();

app.Run();

/// <summary>The host's entry point; public so that tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
