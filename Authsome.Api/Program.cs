var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddAuthsomeEngine();
builder.Services.AddAuthsomeEmail();
builder.Services.AddAuthsomeAuthentication();
builder.Services.AddAuthsomeOpenApi();
builder.Services.AddAuthsomePages();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseAuthsome();
app.MapAuthsome();
app.MapAuthsomeOpenApi();
app.MapAuthsomePages();
if (app.Environment.IsDevelopment())
{
    app.MapAuthsomeWelcome();
}

app.Run();

/// <summary>The host's entry point; public so that tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
