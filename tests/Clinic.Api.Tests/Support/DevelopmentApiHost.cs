namespace Clinic.Api.Tests.Support;

/// <summary>The API as <c>dotnet run</c> starts it on a developer's machine: in the Development environment.</summary>
public sealed class DevelopmentApiHost : ApiHost
{
    protected override string EnvironmentName => "Development";
}
