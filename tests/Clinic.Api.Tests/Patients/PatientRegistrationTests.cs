using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Patients;

public class PatientRegistrationTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_registered_patient_is_created_with_their_id_and_their_identity_on_record()
    {
        var journey = new Journey(host);

        var response = await journey.Reception.PostAsJsonAsync("/api/patients", Journey.NewPatient(new DateOnly(1979, 12, 31), "Okafor"), HttpJson.Options);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<Created>())!.Id;
        response.Headers.Location!.ToString().ShouldStartWith($"/api/patients/{id}");
        var identity = (await journey.Practitioner.GetOkAsync($"/api/patients/{id}/history"))["identity"]!;
        identity["lastName"]!.GetValue<string>().ShouldBe("Okafor");
        identity["dateOfBirth"]!.GetDate().ShouldBe(new DateOnly(1979, 12, 31));
        identity["sex"]!.GetValue<string>().ShouldBe("female");
    }

    [Theory]
    [InlineData(" ", "Lopez", null, null)]
    [InlineData("Maria", "", null, null)]
    [InlineData("Maria", "Lopez", " ", null)]
    [InlineData("Maria", "Lopez", null, "not-an-address")]
    public async Task A_patient_needs_a_name_and_well_formed_contact_details(string firstName, string lastName, string? phone, string? email)
    {
        var journey = new Journey(host);

        await journey.Reception.PostProblemAsync("/api/patients", new { firstName, lastName, dateOfBirth = "1990-01-01", sex = "other", phone, email },
            HttpStatusCode.UnprocessableEntity, "invalid-patient");
    }

    private sealed record Created(Guid Id);
}
