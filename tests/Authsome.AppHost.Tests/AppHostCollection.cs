namespace Authsome.AppHost.Tests;

/// <summary>The test classes that share one running AppHost (starting it takes most of their time).</summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<RunningAppHost>
{
    public const string Name = "Running AppHost";
}
