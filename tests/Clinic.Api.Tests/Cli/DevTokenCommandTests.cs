using System.Net;
using Clinic.Api.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Clinic.Api.Tests.Cli;

public class DevTokenCommandTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>How every token begins: its header, <c>{"alg":</c> in base64url.</summary>
    public const string JwtStart = "eyJhbGciOi";

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Dev_token_refuses_outside_development(string environment)
    {
        var run = await CliRun.RunAsync(host, "dev-token", "--user", "u1", "--role", "clinician", "--clinic", "c1", "--environment", environment);

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldNotContain(JwtStart);
        run.Errors.ShouldContain("dev-token only works in the Development environment");
    }

    [Fact]
    public async Task In_development_dev_token_prints_a_token_the_api_accepts()
    {
        var clinic = TestClinic.Unique();
        var run = await CliRun.RunAsync(host, "dev-token", "--user", "u1", "--role", "clinic-admin", "--clinic", clinic, "--environment", "Development");
        run.ExitCode.ShouldBe(0, run.Errors);
        var client = host.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", run.OutputLines[^1]);

        var patient = await client.CreateAsync("/api/patients", Journey.NewPatient(new DateOnly(1970, 5, 5)));

        var history = await new Journey(host, clinic).Practitioner.GetOkAsync($"/api/patients/{patient}/history");
        Journey.Entry(history, "patient-registered.v1")["by"]!.GetValue<string>().ShouldBe("u1");
    }

    [Theory]
    [InlineData("user", "empty", "--user is empty or blank")]
    [InlineData("user", "blank", "--user is empty or blank")]
    [InlineData("user", "control", "--user contains a control character")]
    [InlineData("clinic", "empty", "--clinic is empty or blank")]
    [InlineData("clinic", "tab", "--clinic contains a control character")]
    [InlineData("clinic", "too-long", "--clinic is longer than 200 characters")]
    public async Task Dev_token_refuses_a_user_or_clinic_the_api_would_refuse(string option, string kind, string error)
    {
        var options = new Dictionary<string, string> { ["user"] = "u1", ["clinic"] = "c1" };
        options[option] = kind switch
        {
            "empty" => "",
            "blank" => "  ",
            "control" => "u\u0001", // a process argument cannot hold NUL
            "tab" => "lyon\tnord",
            _ => new string('c', 201),
        };

        var run = await CliRun.RunAsync(host, "dev-token", "--user", options["user"], "--role", "clinician", "--clinic", options["clinic"],
            "--environment", "Development");

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldNotContain(JwtStart);
        run.Errors.ShouldContain(error);
    }

    [Fact]
    public async Task Dev_token_puts_the_name_a_signature_prints_in_the_token_and_refuses_a_blank_one()
    {
        var run = await CliRun.RunAsync(host, "dev-token", "--user", "u1", "--role", "practitioner", "--clinic", "c1", "--name", "Dr Ana Silva",
            "--environment", "Development");
        run.ExitCode.ShouldBe(0, run.Errors);
        new JsonWebToken(run.OutputLines[^1]).GetClaim("name").Value.ShouldBe("Dr Ana Silva");

        var blank = await CliRun.RunAsync(host, "dev-token", "--user", "u1", "--role", "practitioner", "--clinic", "c1", "--name", " ",
            "--environment", "Development");
        blank.ExitCode.ShouldBe(1);
        blank.Errors.ShouldContain("--name is empty or blank");
    }

    [Fact]
    public async Task Dev_token_only_issues_known_roles()
    {
        var run = await CliRun.RunAsync(host, "dev-token", "--user", "u1", "--role", "root", "--clinic", "c1", "--environment", "Development");

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldNotContain(JwtStart);
        run.Errors.ShouldContain("--role must be one of: receptionist, practitioner, clinician, clinic-admin, regulator, analyst");
    }
}
