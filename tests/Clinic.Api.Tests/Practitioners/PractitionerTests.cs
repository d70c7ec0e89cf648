using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Practitioners;

public class PractitionerTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    [Theory]
    [InlineData(" ", "DERM-1")]
    [InlineData("Dr Ana Silva", "")]
    public async Task A_practitioner_needs_a_name_and_a_licence_number(string name, string licenceNumber)
    {
        var journey = new Journey(host);

        await journey.Admin.PostProblemAsync("/api/practitioners",
            new { name, profession = "nurse", licenceNumber, licenceExpiresOn = Journey.Today.AddYears(1), userId = "nurse-user" }, Unprocessable, "invalid-practitioner");
    }

    [Fact]
    public async Task A_renewed_licence_lets_an_expired_practitioner_be_booked_again()
    {
        var journey = new Journey(host);
        await journey.RegisterPractitionerAsync(licenceExpiresOn: Journey.Today.AddDays(-1));
        await journey.PatientReadyAsync();
        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(3)), Unprocessable, "licence-expired");

        var renewed = await journey.Admin.PostOkAsync($"/api/practitioners/{journey.PractitionerId}/licence",
            new { licenceNumber = "DERM-2", licenceExpiresOn = Journey.Today.AddYears(3) }, HttpStatusCode.OK);

        renewed["recorded"]!.AsArray().Single()!.GetValue<string>().ShouldBe("practitioner-licence-renewed.v1");
        await journey.ScheduleAsync(Journey.Slot(3));
    }

    [Fact]
    public async Task A_renewal_must_expire_after_the_current_licence()
    {
        var journey = await new Journey(host).RegisterPractitionerAsync(licenceExpiresOn: Journey.Today.AddYears(1));

        await journey.Admin.PostProblemAsync($"/api/practitioners/{journey.PractitionerId}/licence",
            new { licenceNumber = "DERM-2", licenceExpiresOn = Journey.Today.AddMonths(6) }, Unprocessable, "invalid-practitioner");
    }

    [Fact]
    public async Task Renewing_an_unknown_practitioner_is_404()
    {
        var journey = new Journey(host);

        await journey.Admin.PostProblemAsync($"/api/practitioners/{Guid.NewGuid()}/licence",
            new { licenceNumber = "DERM-2", licenceExpiresOn = Journey.Today.AddYears(3) }, HttpStatusCode.NotFound, "practitioner-not-found");
        await journey.Reception.GetProblemAsync(Query.Schedule(Guid.NewGuid(), Journey.Slot(0), Journey.Slot(7)),
            HttpStatusCode.NotFound, "practitioner-not-found");
    }
}
