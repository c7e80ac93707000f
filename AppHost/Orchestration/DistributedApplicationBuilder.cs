using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Authsome.AppHost.Orchestration;

internal sealed partial class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    /// <summary>The command-line switches Aspire's AppHost understands for publishing.</summary>
    private static readonly Dictionary<string, string> s_switchMappings = new(StringComparer.Ordinal)
    {
        ["--publisher"] = "Publishing:Publisher",
        ["--output-path"] = "Publishing:OutputPath",
    };

    private readonly HostApplicationBuilder _host;
    private readonly List<IResource> _resources = [];

    public DistributedApplicationBuilder(string[] args)
    {
        AppHostDirectory = typeof(DistributedApplicationBuilder).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AppHostProjectPath")?.Value
            ?? Directory.GetCurrentDirectory();
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppHostDirectory,
            ApplicationName = typeof(DistributedApplicationBuilder).Assembly.GetName().Name,
        });
        _host.Configuration.AddCommandLine(args, s_switchMappings);
        _host.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        ExecutionContext = new DistributedApplicationExecutionContext(
            string.IsNullOrEmpty(_host.Configuration["Publishing:Publisher"]) ? DistributedApplicationOperation.Run : DistributedApplicationOperation.Publish);
    }

    public IConfigurationManager Configuration => _host.Configuration;

    public IHostEnvironment Environment => _host.Environment;

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public string AppHostDirectory { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!ResourceName().IsMatch(resource.Name))
        {
            throw new ArgumentException(
                $"Resource name '{resource.Name}' is invalid: use ASCII letters, digits and hyphens, starting with a letter, at most 64 characters.",
                nameof(resource));
        }

        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' has already been added.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public DistributedApplication Build() => new(_host.Build(), this);

    [GeneratedRegex("^[a-zA-Z](?:[a-zA-Z0-9]|-(?!-)){0,62}[a-zA-Z0-9]?$")]
    private static partial Regex ResourceName();
}
