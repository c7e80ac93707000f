using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Store;

namespace Authsome.Api.Tests.Accounts;

/// <summary>POST /signup with the app's sign-up form config: extra fields validated field by field, kept in the user's metadata.</summary>
public sealed class SignUpFormFieldsTests
{
    [Fact]
    public async Task SignUpReportsEveryBadFieldByName()
    {
        await using var host = await StartWithFormAsync();
        using var client = host.CreateClient();

        var answer = await client.PostAsync("/signup", new
        {
            email = ApiClient.NewEmail(),
            password = ApiClient.Password,
            fields = new Dictionary<string, string> { ["company"] = "x", ["seats"] = "5000", ["color"] = "blue" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("validation_failed", answer.Code);
        var errors = answer.Json!["errors"]!.AsObject();
        Assert.Equal("Must be at least 2 characters.", errors["fields.company"]![0]!.GetValue<string>());
        Assert.Equal("Must be between 1 and 100.", errors["fields.seats"]![0]!.GetValue<string>());
        Assert.Equal("Not a field of this form.", errors["fields.color"]![0]!.GetValue<string>());
        Assert.Equal("Required.", errors["fields.terms"]![0]!.GetValue<string>());
        Assert.DoesNotContain("5000", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Acme!", "Does not have the expected format.")]
    [InlineData("", "Required.")]
    public async Task SignUpChecksRequiredAndPattern(string company, string message)
    {
        await using var host = await StartWithFormAsync();
        using var client = host.CreateClient();

        var answer = await client.PostAsync("/signup", new
        {
            email = ApiClient.NewEmail(),
            password = ApiClient.Password,
            fields = new Dictionary<string, string> { ["company"] = company, ["terms"] = "true" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Json!["errors"]!["fields.company"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task SignUpKeepsTheFieldsInTheUsersMetadata()
    {
        await using var host = await StartWithFormAsync();
        using var client = host.CreateClient();
        var email = ApiClient.NewEmail();

        var answer = await client.PostAsync("/signup", new
        {
            email,
            password = ApiClient.Password,
            fields = new Dictionary<string, string> { ["company"] = " Acme Rockets ", ["seats"] = "12", ["terms"] = "true" },
        });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var id = Id<User>.Parse(answer.Json!["user"]!["id"]!.GetValue<string>());
        var user = await host.Store.Users.GetAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal("Acme Rockets", user!.Metadata["company"]);
        Assert.Equal("12", user.Metadata["seats"]);
        Assert.Equal("true", user.Metadata["terms"]);
    }

    [Fact]
    public async Task SignUpWithoutAFormConfigRefusesExtraFields()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory);
        using var client = host.CreateClient();

        var answer = await client.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = ApiClient.Password, fields = new { company = "Acme" } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Not a field of this form.", answer.Json!["errors"]!["fields.company"]![0]!.GetValue<string>());
    }

    private static async Task<ApiHost> StartWithFormAsync()
    {
        var host = await ApiHost.StartAsync(Backend.Memory);
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = await host.Store.Apps.GetPlatformAsync(cancellationToken) ?? throw new InvalidOperationException("No platform app.");
        var now = DateTimeOffset.UtcNow;
        await host.Store.FormConfigs.CreateAsync(new FormConfig
        {
            Id = Id<FormConfig>.New(now),
            AppId = app.Id,
            FormType = "signup",
            Fields =
            [
                new FormField { Key = "company", Label = "Company", Type = "text", Validation = new() { Required = true, MinLength = 2, Pattern = "[A-Za-z ]+" } },
                new FormField { Key = "seats", Label = "Seats", Type = "number", Validation = new() { Min = 1, Max = 100 } },
                new FormField { Key = "terms", Label = "I accept the terms", Type = "checkbox", Validation = new() { Required = true } },
            ],
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
        return host;
    }
}
