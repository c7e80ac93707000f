using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Security;

/// <summary>Bad input gets a problem with a clear code, never a 500, and changes nothing.</summary>
public abstract class MalformedInputTests(HostFixture fixture)
{
    private ApiHost Host => fixture.Host;

    public static TheoryData<string, string, string, HttpStatusCode, string> Cases => new()
    {
        { "malformed JSON", "/signup", """{"email": "a@example.com", "password":""", HttpStatusCode.BadRequest, "malformed_body" },
        { "not an object", "/signup", """["a@example.com"]""", HttpStatusCode.BadRequest, "malformed_body" },
        { "empty body", "/signup", "", HttpStatusCode.BadRequest, "malformed_body" },
        { "unknown field", "/signup", """{"email": "EMAIL", "password": "Correct-Horse-42", "is_admin": true}""", HttpStatusCode.BadRequest, "malformed_body" },
        { "wrong type", "/signup", """{"email": 42, "password": "Correct-Horse-42"}""", HttpStatusCode.BadRequest, "malformed_body" },
        { "null email", "/signup", """{"email": null, "password": "Correct-Horse-42"}""", HttpStatusCode.BadRequest, "validation_failed" },
        { "missing password", "/signup", """{"email": "EMAIL"}""", HttpStatusCode.BadRequest, "validation_failed" },
        { "invalid email", "/signup", """{"email": "not-an-email", "password": "Correct-Horse-42"}""", HttpStatusCode.BadRequest, "email_invalid" },
        { "non-ASCII email", "/signup", """{"email": "jörg@exämple.com", "password": "Correct-Horse-42"}""", HttpStatusCode.BadRequest, "email_invalid" },
        { "10k-char email", "/signup", $$"""{"email": "{{new string('a', 10_000)}}@example.com", "password": "Correct-Horse-42"}""", HttpStatusCode.BadRequest, "email_invalid" },
        { "10k-char name", "/signup", $$"""{"email": "EMAIL", "password": "Correct-Horse-42", "name": "{{new string('n', 10_000)}}"}""", HttpStatusCode.BadRequest, "validation_failed" },
        { "10k-char password", "/signup", $$"""{"email": "EMAIL", "password": "{{new string('p', 10_000)}}"}""", HttpStatusCode.BadRequest, "validation_failed" },
        { "control characters in name", "/signup", """{"email": "EMAIL", "password": "Correct-Horse-42", "name": "a\u0000b"}""", HttpStatusCode.BadRequest, "validation_failed" },
        { "lone surrogate in name", "/signup", """{"email": "EMAIL", "password": "Correct-Horse-42", "name": "\ud800"}""", HttpStatusCode.BadRequest, "malformed_body" },
        { "non-ASCII username", "/signup", """{"email": "EMAIL", "password": "Correct-Horse-42", "username": "josé"}""", HttpStatusCode.BadRequest, "validation_failed" },
        { "oversized body", "/signup", $$"""{"email": "EMAIL", "password": "Correct-Horse-42", "name": "{{new string('x', 40_000)}}"}""", HttpStatusCode.RequestEntityTooLarge, "body_too_large" },
        { "deep nesting", "/signin", """{"email": {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": 1}}}}}}}}}}""", HttpStatusCode.BadRequest, "malformed_body" },
        { "malformed refresh", "/refresh", "{", HttpStatusCode.BadRequest, "malformed_body" },
        { "unknown field on forgot", "/forgot-password", """{"email": "EMAIL", "extra": 1}""", HttpStatusCode.BadRequest, "malformed_body" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInputGetsAProblemAndChangesNothing(string name, string path, string body, HttpStatusCode status, string code)
    {
        using var client = Host.CreateClient();
        var email = ApiClient.NewEmail("malformed");

        var answer = await client.PostRawAsync(path, body.Replace("EMAIL", email, StringComparison.Ordinal));

        Assert.True(status == answer.Status, $"{name}: {answer.Status} {answer.Text}");
        Assert.Equal(code, answer.Code);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.True(answer.Text.Length < 2000, $"{name}: the problem echoes the input");
        Assert.DoesNotContain("Exception", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", answer.Text, StringComparison.Ordinal);
        await AssertNoAccountAsync(email);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task WrongContentTypeIsUnsupported(string contentType)
    {
        using var client = Host.CreateClient();
        var email = ApiClient.NewEmail("malformed");

        var answer = await client.PostRawAsync("/signup", $$"""{"email": "{{email}}", "password": "Correct-Horse-42"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal("unsupported_media_type", answer.Code);
        await AssertNoAccountAsync(email);
    }

    [Fact]
    public async Task UnknownRoutesAndMethodsUnderTheBasePathAnswerProblems()
    {
        using var client = Host.CreateClient();

        var unknown = await client.GetAsync("/no-such-route");
        var wrongMethod = await client.GetAsync("/signup");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("not_found", unknown.Code);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.Status);
        Assert.Equal("method_not_allowed", wrongMethod.Code);
    }

    [Fact]
    public async Task NonAsciiNamesAreWelcome()
    {
        using var client = Host.CreateClient();

        var answer = await client.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = ApiClient.Password, name = "Zoë Ñandú 李小龍 🚀" });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("Zoë Ñandú 李小龍 🚀", answer.Json!["user"]!["name"]!.GetValue<string>());
    }

    private async Task AssertNoAccountAsync(string email)
    {
        var app = (await Host.Store.Apps.GetPlatformAsync(TestContext.Current.CancellationToken))!;
        var env = (await Host.Store.Environments.GetDefaultAsync(app.Id, TestContext.Current.CancellationToken))!;
        Assert.Null(await Host.Store.Users.GetByEmailAsync(app.Id, env.Id, email, TestContext.Current.CancellationToken));
    }
}

public sealed class MalformedInputTestsOnMemory(MemoryHost fixture) : MalformedInputTests(fixture), IClassFixture<MemoryHost>;

public sealed class MalformedInputTestsOnPostgres(PostgresHost fixture) : MalformedInputTests(fixture), IClassFixture<PostgresHost>;
