using Authsome.Hosting;

namespace Authsome.Tests.Engine;

public sealed class OptionsValidatorTests
{
    private readonly AuthsomeOptionsValidator validator = new();

    [Fact]
    public void TheDefaultsAreValid() => Assert.True(validator.Validate(null, new AuthsomeOptions()).Succeeded);

    [Fact]
    public void EveryFailureNamesItsConfigurationPath()
    {
        var options = new AuthsomeOptions
        {
            BasePath = "relative",
            AppId = "not-an-id",
            MaxRequestBodyBytes = 10,
            Sessions = { AccessTokenTtl = TimeSpan.FromDays(2), MaxActiveSessions = 0, CookieName = "bad name" },
            Lockout = { Duration = TimeSpan.Zero },
            RateLimits = { SignIn = { PermitLimit = 0 } },
            PasswordReset = { LinkTemplate = "ftp://example.com/{token}" },
        };

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        foreach (var path in new[]
        {
            "Authsome:BasePath", "Authsome:AppId", "Authsome:MaxRequestBodyBytes", "Authsome:Sessions:AccessTokenTtl",
            "Authsome:Sessions:MaxActiveSessions", "Authsome:Sessions:CookieName", "Authsome:Lockout:Duration",
            "Authsome:RateLimits:SignIn:PermitLimit", "Authsome:PasswordReset:LinkTemplate",
        })
        {
            Assert.Contains(result.Failures!, f => f.StartsWith(path, StringComparison.Ordinal));
        }
    }
}
