using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Clinic.Api.Auth;
using Clinic.Api.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Clinic.Api.Tests.Auth;

/// <summary>Every /api call needs a valid bearer token naming the user, their role and their clinic.</summary>
public class AuthenticationTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Policy = "/api/clinic/policy";

    [Fact]
    public async Task A_call_without_a_token_is_401_unauthenticated()
    {
        var response = await host.AnonymousClient().GetAsync(Policy);

        await HttpJson.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task A_call_with_another_scheme_is_401_unauthenticated()
    {
        var client = host.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        await HttpJson.ProblemAsync(await client.GetAsync(Policy), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    public static TheoryData<string> InvalidTokens => new()
    {
        "not-a-token",
        "wrong-key",
        "expired",
        "wrong-audience",
        "wrong-issuer",
    };

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task A_call_with_an_invalid_token_is_401_invalid_token(string kind)
    {
        var token = kind switch
        {
            "not-a-token" => "abc.def.ghi",
            "wrong-key" => Token(Claims(), key: "another-signing-key-of-at-least-32-characters"),
            "expired" => Token(Claims(), notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1)),
            "wrong-audience" => Token(Claims(), audience: "another-api"),
            _ => Token(Claims(), issuer: "someone-else"),
        };

        var response = await host.WithToken(token).GetAsync(Policy);

        var problem = await HttpJson.ProblemAsync(response, HttpStatusCode.Unauthorized, "invalid-token");
        problem.ToJsonString().ShouldNotContain(token);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
    }

    [Theory]
    [InlineData(ClinicClaims.Subject)]
    [InlineData(ClinicClaims.Clinic)]
    [InlineData(ClinicClaims.Role)]
    public async Task A_valid_token_missing_the_user_clinic_or_role_is_403_forbidden(string missing)
    {
        var token = Token(Claims().Where(claim => claim.Type != missing));

        await HttpJson.ProblemAsync(await host.WithToken(token).GetAsync(Policy), HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData(ClinicClaims.Subject, "u-2")]
    [InlineData(ClinicClaims.Role, ClinicRoles.ClinicAdmin)]
    [InlineData(ClinicClaims.Clinic, "another-clinic")]
    public async Task A_token_naming_two_users_roles_or_clinics_is_401_invalid_token(string type, string secondValue)
    {
        var token = Token([.. Claims(), new Claim(type, secondValue)]);

        await HttpJson.ProblemAsync(await host.WithToken(token).GetAsync(Policy), HttpStatusCode.Unauthorized, "invalid-token");
    }

    public static TheoryData<string, string> UnusableIdentities()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in new[] { ClinicClaims.Subject, ClinicClaims.Role, ClinicClaims.Clinic })
            foreach (var kind in new[] { "empty", "blank", "tab", "nul", "newline", "next-line", "delete", "too-long" })
                data.Add(type, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(UnusableIdentities))]
    public async Task A_signed_token_whose_user_role_or_clinic_is_not_a_usable_id_is_401_invalid_token_and_writes_nothing(string type, string kind)
    {
        var value = kind switch
        {
            "empty" => "",
            "blank" => "   ",
            "tab" => "\t",
            "nul" => "lyon\0",
            "newline" => "u-1\nu-2",
            "next-line" => "u-1\u0085",
            "delete" => "u\u007f1",
            _ => new string('x', 201),
        };
        var eventsBefore = await host.EventCountAsync();

        var response = await host.WithToken(Token(Claims().Select(claim => claim.Type == type ? new Claim(type, value) : claim)))
            .PostAsJsonAsync("/api/patients", NewPatient, HttpJson.Options);

        var problem = await HttpJson.ProblemAsync(response, HttpStatusCode.Unauthorized, "invalid-token");
        problem["detail"]!.GetValue<string>().ShouldContain($"'{type}'");
        response.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
        (await host.EventCountAsync()).ShouldBe(eventsBefore, "a refused token writes nothing, in any clinic");
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("Ana\nSilva")]
    public async Task A_printed_name_a_signature_could_not_hold_is_401_invalid_token(string name)
    {
        var response = await host.WithToken(Token([.. Claims(), new Claim(ClinicClaims.Name, name)])).GetAsync(Policy);

        var problem = await HttpJson.ProblemAsync(response, HttpStatusCode.Unauthorized, "invalid-token");
        problem["detail"]!.GetValue<string>().ShouldContain($"'{ClinicClaims.Name}'");
    }

    [Theory]
    [InlineData(ClinicClaims.Role, "12")]
    [InlineData(ClinicClaims.Clinic, "12")]
    [InlineData(ClinicClaims.Clinic, "true")]
    [InlineData(ClinicClaims.Clinic, """{"id":"lyon"}""")]
    [InlineData(ClinicClaims.Clinic, """[["lyon"]]""")]
    public async Task A_user_role_or_clinic_that_is_not_a_json_string_is_401_invalid_token(string type, string json)
    {
        var claims = Claims().Where(claim => claim.Type != type).Select(claim => $"\"{claim.Type}\":\"{claim.Value}\"");
        var token = ApiHost.RawToken($"{string.Join(',', claims)},\"{type}\":{json}");

        var problem = await HttpJson.ProblemAsync(await host.WithToken(token).GetAsync(Policy), HttpStatusCode.Unauthorized, "invalid-token");

        problem["detail"]!.GetValue<string>().ShouldContain($"'{type}'");
    }

    [Fact]
    public async Task Ids_of_200_characters_in_any_script_are_let_through_and_recorded_as_given()
    {
        var user = "médecin-" + new string('é', 192);
        var clinic = TestClinic.Unique("clinique").PadRight(200, 'ü');
        var token = Token([new(ClinicClaims.Subject, user), new(ClinicClaims.Role, ClinicRoles.ClinicAdmin), new(ClinicClaims.Clinic, clinic)]);

        var response = await host.WithToken(token).PostAsJsonAsync("/api/patients", NewPatient, HttpJson.Options);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        await host.WaitForProjectionsAsync();
        var entries = await AuditTrail.EntriesAsync(host.WithToken(token), "&type=patient-registered.v1");
        entries.ShouldHaveSingleItem()["actorId"]!.GetValue<string>().ShouldBe(user);
    }

    [Fact]
    public async Task A_role_that_is_not_in_the_role_table_is_403_forbidden()
    {
        var client = host.Client("superuser", TestClinic.Unique());

        await HttpJson.ProblemAsync(await client.GetAsync(Policy), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_valid_token_is_let_through()
    {
        var response = await host.WithToken(Token(Claims())).GetAsync(Policy);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static readonly object NewPatient = Journey.NewPatient(new DateOnly(1980, 1, 1));

    private static Claim[] Claims() =>
    [
        new(ClinicClaims.Subject, "u-1"), new(ClinicClaims.Role, ClinicRoles.Receptionist), new(ClinicClaims.Clinic, TestClinic.Unique()),
    ];

    private static string Token(
        IEnumerable<Claim> claims, string key = ApiHost.SigningKey, string audience = "clinic-api", string issuer = "clinic",
        DateTime? notBefore = null, DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            IssuedAt = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(TokenIssuer.SecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
}
