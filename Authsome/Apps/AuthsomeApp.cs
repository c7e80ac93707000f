using Authsome.Store;

namespace Authsome.Apps;

/// <summary>The app and environment whose users this engine serves.</summary>
public sealed record AuthsomeApp(App App, AppEnvironment Environment)
{
    /// <summary>The app's id.</summary>
    public Id<App> AppId => App.Id;

    /// <summary>The environment's id.</summary>
    public Id<AppEnvironment> EnvId => Environment.Id;
}
