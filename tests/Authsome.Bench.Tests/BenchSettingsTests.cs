namespace Authsome.Bench.Tests;

/// <summary>The benchmark driver's command line: what <c>bench/run.sh</c> and a user's extra options turn into.</summary>
public sealed class BenchSettingsTests
{
    private static readonly string[] s_required = ["--api", "api.dll", "--scripts", "scripts", "--out", "out"];

    [Fact]
    public void Floor_IsAFullPath_WhenGiven()
    {
        Assert.True(BenchSettings.TryParse([.. s_required, "--floor", "floor.dll"], out var settings, out var problem), problem);
        Assert.Equal(Path.GetFullPath("floor.dll"), settings.FloorAssembly);
    }

    [Fact]
    public void Floor_IsLeftOut_WhenNotGiven()
    {
        Assert.True(BenchSettings.TryParse(s_required, out var settings, out var problem), problem);
        Assert.Null(settings.FloorAssembly);
        Assert.False(settings.IsComparison);
    }

    [Theory]
    [InlineData("--flor", "floor.dll", "Unknown option --flor.")]
    [InlineData("--order", "parallel", "--order is 'alternate' or 'together'; got 'parallel'.")]
    public void BadOption_IsRefused_SayingWhy(string option, string value, string expected)
    {
        Assert.False(BenchSettings.TryParse([.. s_required, option, value], out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void MissingRequiredPath_IsRefused()
    {
        Assert.False(BenchSettings.TryParse(["--api", "api.dll", "--out", "out"], out _, out var problem));
        Assert.Equal("--scripts is required.", problem);
    }

    [Theory]
    [InlineData("--small", "1000000")]
    [InlineData("--duration", "0")]
    [InlineData("--large", "twenty")]
    public void BadNumbers_AreRefused(string option, string value)
    {
        Assert.False(BenchSettings.TryParse([.. s_required, option, value], out _, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void CompareEnvironment_IsReadAsPairs_AndMakesAComparison()
    {
        Assert.True(BenchSettings.TryParse([.. s_required, "--compare-env", "DOTNET_gcServer=0; A=b=c"], out var settings, out var problem), problem);
        Assert.Equal(new Dictionary<string, string> { ["DOTNET_gcServer"] = "0", ["A"] = "b=c" }, settings.CompareEnvironment);
        Assert.True(settings.IsComparison);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("alternate", false)]
    [InlineData("together", true)]
    public void Order_SaysWhetherTheComparisonRunsBothAtOnce(string? order, bool together)
    {
        string[] args = order is null ? s_required : [.. s_required, "--order", order];
        Assert.True(BenchSettings.TryParse(args, out var settings, out var problem), problem);
        Assert.Equal(together, settings.Together);
    }

    [Fact]
    public void CompareEnvironment_WithoutAName_IsRefused()
    {
        Assert.False(BenchSettings.TryParse([.. s_required, "--compare-env", "=0"], out _, out var problem));
        Assert.Contains("NAME=value", problem, StringComparison.Ordinal);
    }
}
