using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Admin;

/// <summary>
/// /admin/apps/{id}/forms: administrators set the sign-up form's extra fields; a config the sign-up form could not apply
/// is refused field by field and nothing is stored; a written config is in force for the next sign-up.
/// </summary>
public sealed class AdminFormTests
{
    private const string AdminEmail = "forms-admin@example.com";

    [Fact]
    public async Task AWrittenSignUpFormIsInForceForTheNextSignUp_AndGoneWhenDeleted()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();
        var admin = await client.SignUpAsync(AdminEmail);
        var forms = $"/admin/apps/{await PlatformAppAsync(client, admin)}/forms";

        var written = await client.SendAsync(HttpMethod.Put, $"{forms}/signup", new
        {
            fields = new object[]
            {
                new { key = "company", label = " Company ", type = "text", order = 1, validation = new { required = true, min_length = 2, pattern = "[A-Za-z ]+" } },
                new { key = "seats", label = "Seats", type = "number", order = 2, validation = new { min = 1, max = 100 } },
            },
        }, admin.AccessToken);
        Assert.Equal(HttpStatusCode.OK, written.Status);
        Assert.Equal(1, written.Json!["version"]!.GetValue<int>());
        Assert.Equal("Company", written.Json["fields"]![0]!["label"]!.GetValue<string>());

        var refused = await client.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = ApiClient.Password, fields = new { seats = "3" } });
        Assert.Equal("Required.", refused.Json!["errors"]!["fields.company"]![0]!.GetValue<string>());
        var accepted = await client.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = ApiClient.Password, fields = new { company = "Acme", seats = "3" } });
        Assert.Equal(HttpStatusCode.Created, accepted.Status);

        var replaced = await client.SendAsync(HttpMethod.Put, $"{forms}/signup", new { fields = new[] { new { key = "team", label = "Team", type = "text" } }, active = false }, admin.AccessToken);
        Assert.Equal(2, replaced.Json!["version"]!.GetValue<int>());
        Assert.Equal(["team"], (await client.GetAsync($"{forms}/signup", admin.AccessToken)).Json!["fields"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()));
        Assert.Single((await client.GetAsync(forms, admin.AccessToken)).Json!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{forms}/signup", admin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{forms}/signup", admin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{forms}/signup", admin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = ApiClient.Password })).Status);
    }

    [Fact]
    public async Task AConfigTheFormCouldNotApplyIsRefusedFieldByField_AndNothingIsStored()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();
        var admin = await client.SignUpAsync(AdminEmail);
        var forms = $"/admin/apps/{await PlatformAppAsync(client, admin)}/forms";

        var answer = await client.SendAsync(HttpMethod.Put, $"{forms}/signup", new
        {
            fields = new object?[]
            {
                new { key = "Bad Key", label = "", type = "colour", validation = new { min_length = 10, max_length = 2, pattern = "(" } },
                new { key = "dup", label = "One", type = "text", validation = new { min = 5, max = 1 } },
                new { key = "dup", label = "Two", type = "text" },
                null,
            },
        }, admin.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("validation_failed", answer.Code);
        var errors = answer.Json!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["fields[0].key", "fields[0].label", "fields[0].type", "fields[0].validation.max_length", "fields[0].validation.pattern",
             "fields[1].validation.max", "fields[2].key", "fields[3]"],
            errors);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{forms}/signup", admin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = ApiClient.Password })).Status);
    }

    [Fact]
    public async Task OnlyAdministratorsWriteForms_AndOnlyFormsTheEngineReads()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();
        var admin = await client.SignUpAsync(AdminEmail);
        var user = await client.SignUpAsync();
        var forms = $"/admin/apps/{await PlatformAppAsync(client, admin)}/forms";
        var body = new { fields = new[] { new { key = "team", label = "Team", type = "text" } } };

        Assert.Equal("forbidden", (await client.SendAsync(HttpMethod.Put, $"{forms}/signup", body, user.AccessToken)).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Put, $"{forms}/signup", body)).Status);
        var unknown = await client.SendAsync(HttpMethod.Put, $"{forms}/checkout", body, admin.AccessToken);
        Assert.Equal("validation_failed", unknown.Code);
        Assert.NotNull(unknown.Json!["errors"]!["form_type"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/apps/app_00000000000000000000000000/forms", admin.AccessToken)).Status);
    }

    private static Task<ApiHost> StartAsync() =>
        ApiHost.StartAsync(Backend.Memory, settings: new Dictionary<string, string?> { ["Authsome:Bootstrap:AdminEmails:0"] = AdminEmail });

    private static async Task<string> PlatformAppAsync(ApiClient client, SignedIn admin) =>
        (await client.GetAsync("/admin/apps", admin.AccessToken)).Json!["items"]!.AsArray().Single(a => a!["is_platform"]!.GetValue<bool>())!["id"]!.GetValue<string>();
}
