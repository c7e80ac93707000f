using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Authsome.Api.Tests.Infrastructure;

/// <summary>
/// TestServer connections have no remote address; this sets it from the <c>X-Test-Client-Address</c> header, so a
/// test can act as several clients (an attacker and the owner, two addresses of one IPv6 /64).
/// </summary>
internal sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address) && IPAddress.TryParse(address, out var parsed))
            {
                context.Connection.RemoteIpAddress = parsed;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
