using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Clinic.Api.Tests.Support;

/// <summary>A small HTTP server on a free loopback port that logs nothing: a test's stand-in for a service the API calls.</summary>
public static class LoopbackServer
{
    public static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
