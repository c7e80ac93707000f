using Authsome.AppHost.Orchestration;

namespace Authsome.AppHost.Tests;

/// <summary>Runs the AppHost's real Program up to <c>Build()</c> and hands back the application instead of running it.</summary>
internal static class AppHostGraph
{
    public static DistributedApplication Build(params string[] args)
    {
        DistributedApplication? built = null;
        using (DistributedApplication.InterceptRun(app => built = app))
        {
            typeof(DistributedApplication).Assembly.EntryPoint!.Invoke(null, [args]);
        }

        return built ?? throw new InvalidOperationException("The AppHost's Program did not build an application.");
    }

    public static T Resource<T>(this DistributedApplication app, string name)
        where T : IResource =>
        Assert.IsType<T>(Assert.Single(app.Builder.Resources, r => r.Name == name));
}
