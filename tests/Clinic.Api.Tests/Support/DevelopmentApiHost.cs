using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// The API as <c>dotnet run</c> starts it on a developer's machine: in the Development environment. A request with
/// <see cref="CallerHeader"/> comes, as the API sees it, from the address that header names (the tests' own requests
/// all come from loopback), as one from another machine, or through Docker's published port, would.
/// </summary>
public sealed class DevelopmentApiHost : ApiHost
{
    public const string CallerHeader = "X-Test-Caller-Address";

    protected override string EnvironmentName => "Development";

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IStartupFilter, CallerAddressFilter>();

    private sealed class CallerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[CallerHeader] is [{ } address])
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
