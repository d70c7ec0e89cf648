using Clinic.Api.Hosting;
using JasperFx.CommandLine.Parsing;

namespace Clinic.Api.Cli;

/// <summary>
/// The application as JasperFx's commands build it: the clinic's web application, built only when a command asks for
/// it (<c>help</c> and <c>dev-token</c> open no database). JasperFx's host flags reach it: <c>--environment</c>,
/// <c>--contentRoot</c>, <c>--applicationName</c>, <c>--log-level</c>, <c>--verbose</c>, and configuration with
/// <c>--config:Key value</c>. Disposing it closes the database of every application it built.
/// </summary>
internal sealed class ClinicHostBuilder(string[] args) : IHostBuilder, IAsyncDisposable
{
    private const string ConfigFlag = "--config:";

    private readonly List<Action<IConfigurationBuilder>> _hostConfiguration = [];
    private readonly List<Action<HostBuilderContext, IServiceCollection>> _services = [];
    private readonly List<ClinicServices> _opened = [];

    public IDictionary<object, object> Properties { get; } = new Dictionary<object, object>();

    public IHostBuilder ConfigureHostConfiguration(Action<IConfigurationBuilder> configureDelegate)
    {
        _hostConfiguration.Add(configureDelegate);
        return this;
    }

    /// <summary>
    /// Ignored: JasperFx configures the application only with its <c>--config:</c> flags, whose keys it cuts to their
    /// last segment (<c>Clinic</c> of <c>ConnectionStrings:Clinic</c>); <see cref="HostArguments"/> reads them whole.
    /// </summary>
    public IHostBuilder ConfigureAppConfiguration(Action<HostBuilderContext, IConfigurationBuilder> configureDelegate) => this;

    public IHostBuilder ConfigureServices(Action<HostBuilderContext, IServiceCollection> configureDelegate)
    {
        _services.Add(configureDelegate);
        return this;
    }

    public IHostBuilder UseServiceProviderFactory<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory) where TContainerBuilder : notnull =>
        throw new NotSupportedException("The clinic's application uses the default service provider.");

    public IHostBuilder UseServiceProviderFactory<TContainerBuilder>(Func<HostBuilderContext, IServiceProviderFactory<TContainerBuilder>> factory) where TContainerBuilder : notnull =>
        throw new NotSupportedException("The clinic's application uses the default service provider.");

    public IHostBuilder ConfigureContainer<TContainerBuilder>(Action<HostBuilderContext, TContainerBuilder> configureDelegate) =>
        throw new NotSupportedException("The clinic's application uses the default service provider.");

    /// <summary>The application, built but not started (JasperFx's <c>run</c> starts it: the server).</summary>
    public IHost Build() => Opened(ClinicApp.CreateAsync(HostArguments(), ApplyServices).GetAwaiter().GetResult());

    /// <summary>The application started for a verb that works through it (see <see cref="ClinicApp.StartForVerbAsync"/>).</summary>
    public async Task<WebApplication> StartForVerbAsync() => Opened(await ClinicApp.StartForVerbAsync(HostArguments(), ApplyServices));

    /// <summary>The application's configuration and environment, without its database.</summary>
    public WebApplicationBuilder ConfigurationOnly() => WebApplication.CreateBuilder(HostArguments());

    public async ValueTask DisposeAsync()
    {
        foreach (var services in _opened)
            await services.DisposeAsync();
    }

    /// <summary>
    /// The host settings JasperFx's flags set and the configuration of the <c>--config:Key value</c> flags, as ASP.NET's
    /// command-line arguments (<c>--Key=value</c>). The flags are read as JasperFx reads them, whole keys kept.
    /// </summary>
    private string[] HostArguments()
    {
        var hostSettings = new ConfigurationManager();
        foreach (var configure in _hostConfiguration)
            configure(hostSettings);
        var settings = hostSettings.AsEnumerable().Where(setting => setting.Value is not null).Select(setting => $"--{setting.Key}={setting.Value}");
        return [.. settings, .. ConfigFlags()];
    }

    private IEnumerable<string> ConfigFlags()
    {
        var tokens = ArgPreprocessor.Process(args).ToList();
        for (var i = 0; i + 1 < tokens.Count; i++)
            if (tokens[i].StartsWith(ConfigFlag, StringComparison.Ordinal))
                yield return $"--{tokens[i][ConfigFlag.Length..]}={tokens[++i]}";
    }

    private void ApplyServices(WebApplicationBuilder builder)
    {
        var context = new HostBuilderContext(Properties) { Configuration = builder.Configuration, HostingEnvironment = builder.Environment };
        foreach (var configure in _services)
            configure(context, builder.Services);
    }

    private T Opened<T>(T app) where T : IHost
    {
        _opened.Add(app.Services.GetRequiredService<ClinicServices>());
        return app;
    }
}
