using Clinic.Api.Auth;
using Clinic.Api.Dashboard;
using Clinic.Api.Database;
using Clinic.Api.Health;
using Clinic.Api.Http;
using Clinic.Api.Integrity;
using Clinic.Api.Lots;
using Clinic.Api.Privacy;
using Clinic.Api.Problems;
using Clinic.Api.Records;
using JasperFx.Events.Daemon;
using Marten;
using Wolverine.Marten;

namespace Clinic.Api.Hosting;

/// <summary>Builds the web application: database, Marten store and daemon, authentication, endpoints.</summary>
public static class ClinicApp
{
    /// <summary>
    /// The application, built but not started. Starting it brings the database schema up to date first; a command-line
    /// verb that only builds it does what it needs itself (<c>db-apply</c>, <c>db-assert</c>), and <c>codegen write</c>
    /// needs no database (given a connection string to none, it connects to nothing; without one, the embedded cluster
    /// is still started).
    /// </summary>
    public static async Task<WebApplication> CreateAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var services = await ClinicServices.OpenAsync(builder);
        try
        {
            AddServices(builder, services);
            var app = builder.Build();
            UseMiddlewareAndEndpoints(app);
            return app;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The application started as the server starts it (Marten, Wolverine and its handlers), for a command-line verb
    /// that works through them; it listens on a free loopback port only. Stopping it closes the database.
    /// </summary>
    public static async Task<WebApplication> StartForVerbAsync(string[] hostArguments, Action<WebApplicationBuilder>? configure = null)
    {
        // No async daemon: the servers run the projections.
        var app = await CreateAsync([.. hostArguments, "--urls", "http://127.0.0.1:0", "--Clinic:RunDaemon=false"], configure);
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            var services = app.Services.GetRequiredService<ClinicServices>();
            await app.DisposeAsync();
            await services.DisposeAsync();
            throw;
        }
    }

    private static void AddServices(WebApplicationBuilder builder, ClinicServices services)
    {
        builder.Services.AddSingleton(services);
        builder.Services.AddSingleton(services.Keys);
        builder.Services.AddSingleton(new PersonalSeal(services.Keys));
        builder.Services.AddSingleton<ErasedValuesJson>();
        builder.Services.AddSingleton<ClinicPartitions>();
        builder.Services.AddHostedService<ClinicServicesLifetime>();
        builder.Services.AddDatabaseSupervision(services.Database);
        // Hot/cold: of several API nodes, each async projection runs on one (the node holding its advisory lock), and
        // another takes it over when that node stops or dies. The schema is brought up to date as the application
        // starts, before Wolverine and the daemon.
        var cluster = ClusterSettings.From(builder.Configuration);
        var storeOptions = services.StoreOptions();
        cluster.ApplyTo(storeOptions.Projections);
        builder.Services.AddMarten(storeOptions)
            .ApplyAllDatabaseChangesOnStartup()
            .UseLightweightSessions()
            .IntegrateWithWolverine(wolverine => wolverine.MessageStorageSchemaName = services.Schema)
            .AddAsyncDaemon(builder.Configuration.GetValue("Clinic:RunDaemon", defaultValue: true) ? DaemonMode.HotCold : DaemonMode.Disabled);
        builder.AddClinicWolverine(services.Keys, cluster);
        builder.AddClinicTelemetry();

        builder.AddClinicAuthentication();
        builder.AddClinicIntegrity();
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = FrameworkProblemCodes.Add);
        builder.Services.AddExceptionHandler<ExceptionProblems>();
        builder.Services.AddClinicJson();
        builder.Services.AddClinicOpenApi();
        builder.Services.AddClinicHealthChecks();
        builder.Services.AddClinicCommands(builder.Configuration);
        builder.Services.AddClinicApi(builder.Configuration, builder.Environment);
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        // Kestrel refuses a larger body (413) as it is read, whether its length is declared or it comes in chunks.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.BodyBytes);
    }

    private static void UseMiddlewareAndEndpoints(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCorrelationIds();
        app.UseCorrelationTelemetry();
        app.UseDashboardPageFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseClinicScope();
        app.UseIdempotencyKeys();
        app.MapClinicOpenApi();
        app.MapClinicHealth();
        app.MapClinicApi();
        app.MapDashboardPage();
    }
}
