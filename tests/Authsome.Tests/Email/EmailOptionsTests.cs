using Authsome.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Authsome.Tests.Email;

public sealed class EmailOptionsTests
{
    private static readonly Dictionary<string, string?> Smtp = new()
    {
        ["Authsome:Email:Smtp:Host"] = "smtp.example.com",
        ["Authsome:Email:Smtp:FromAddress"] = "auth@example.com",
    };

    [Fact]
    public void UsesTheDevelopmentSenderWithoutSmtpInDevelopment()
    {
        using var services = Build([], Environments.Development);

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<DevelopmentEmailSender>(services.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public void UsesTheSmtpSenderWhenAHostIsSet()
    {
        using var services = Build(Smtp, Environments.Production);

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<SmtpEmailSender>(services.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public void BindsSmtpSettings()
    {
        using var services = Build(new(Smtp)
        {
            ["Authsome:Email:Smtp:Port"] = "465",
            ["Authsome:Email:Smtp:Security"] = "SslOnConnect",
            ["Authsome:Email:Smtp:UserName"] = "mailer",
            ["Authsome:Email:Smtp:Password"] = "secret",
            ["Authsome:Email:Smtp:FromName"] = "Example",
            ["Authsome:Email:Smtp:Timeout"] = "00:00:10",
            ["Authsome:Email:PickupDirectory"] = "/tmp/outbox",
        });

        var options = services.GetRequiredService<IOptions<AuthsomeEmailOptions>>().Value;

        Assert.Equal(465, options.Smtp.Port);
        Assert.Equal(MailKit.Security.SecureSocketOptions.SslOnConnect, options.Smtp.Security);
        Assert.Equal(("mailer", "secret", "Example"), (options.Smtp.UserName, options.Smtp.Password, options.Smtp.FromName));
        Assert.Equal(TimeSpan.FromSeconds(10), options.Smtp.Timeout);
        Assert.Equal("/tmp/outbox", options.PickupDirectory);
    }

    [Fact]
    public void StartFailsInProductionWithoutSmtp()
    {
        using var services = Build([], Environments.Production);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Authsome:Email:Smtp:Host", error.Message, StringComparison.Ordinal);
        Assert.Contains("Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartSucceedsInStagingWithoutSmtp()
    {
        using var services = Build([], Environments.Staging);

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<DevelopmentEmailSender>(services.GetRequiredService<IEmailSender>());
    }

    [Theory]
    [InlineData("Authsome:Email:Smtp:FromAddress", "", "Authsome:Email:Smtp:FromAddress")]
    [InlineData("Authsome:Email:Smtp:FromAddress", "not an address", "Authsome:Email:Smtp:FromAddress")]
    [InlineData("Authsome:Email:Smtp:Port", "0", "Authsome:Email:Smtp:Port")]
    [InlineData("Authsome:Email:Smtp:Port", "65536", "Authsome:Email:Smtp:Port")]
    [InlineData("Authsome:Email:Smtp:UserName", "mailer", "Authsome:Email:Smtp:Password")]
    [InlineData("Authsome:Email:Smtp:Password", "secret", "Authsome:Email:Smtp:UserName")]
    [InlineData("Authsome:Email:Smtp:Timeout", "00:00:00", "Authsome:Email:Smtp:Timeout")]
    public void StartFailsNamingTheBadSmtpSetting(string key, string value, string named)
    {
        using var services = Build(new(Smtp) { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartFailsGivenCredentialsWithoutTls()
    {
        using var services = Build(new(Smtp)
        {
            ["Authsome:Email:Smtp:Security"] = "None",
            ["Authsome:Email:Smtp:UserName"] = "mailer",
            ["Authsome:Email:Smtp:Password"] = "secret",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Authsome:Email:Smtp:Security", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartFailsGivenCredentialsWithoutAHost()
    {
        using var services = Build(new()
        {
            ["Authsome:Email:Smtp:UserName"] = "mailer",
            ["Authsome:Email:Smtp:Password"] = "secret",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Authsome:Email:Smtp:Host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegistersOneSender()
    {
        var collection = new ServiceCollection();
        collection.AddAuthsomeEmail();
        collection.AddAuthsomeEmail();

        Assert.Single(collection, descriptor => descriptor.ServiceType == typeof(IEmailSender));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, string environment = "Development")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new TestHostEnvironment(environment, Path.GetTempPath()))
            .AddLogging()
            .AddAuthsomeEmail()
            .BuildServiceProvider(validateScopes: true);
    }
}
