using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Authsome.Pages.Security;

/// <summary>
/// The anti-forgery cookie: <c>__Host-</c>, Secure, SameSite=Strict, path / (no subdomain can plant or read it). In
/// Development the pages also work over plain http on localhost, where a <c>__Host-</c> cookie cannot be set, so
/// there the cookie has no prefix and is Secure only over https.
/// </summary>
internal sealed class PagesAntiforgerySetup(IHostEnvironment environment) : IConfigureOptions<AntiforgeryOptions>
{
    public const string CookieName = "__Host-authsome-antiforgery";
    public const string DevelopmentCookieName = "authsome-antiforgery";
    public const string FormFieldName = "__antiforgery";

    public void Configure(AntiforgeryOptions options)
    {
        var development = environment.IsDevelopment();
        options.Cookie.Name = development ? DevelopmentCookieName : CookieName;
        options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.Path = "/";
        options.FormFieldName = FormFieldName;
    }
}
