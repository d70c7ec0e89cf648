using Clinic.Api.Http;
using Clinic.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace Clinic.Api.Tests.Requests;

/// <summary>The one table of refusal codes to HTTP statuses, checked against every code the domain has.</summary>
public class RefusalStatusTests
{
    public static TheoryData<string> NotFoundCodes => [.. RefusalCodes.All.Where(code => code.EndsWith("-not-found", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(NotFoundCodes))]
    public void Every_missing_thing_is_404(string code) => RefusalStatus.Of(code).ShouldBe(StatusCodes.Status404NotFound);

    [Fact]
    public void A_practitioner_already_booked_is_a_409_and_a_rule_a_422()
    {
        RefusalStatus.Of(RefusalCodes.PractitionerBusy).ShouldBe(StatusCodes.Status409Conflict);
        RefusalStatus.Of(RefusalCodes.IntervalTooShort).ShouldBe(StatusCodes.Status422UnprocessableEntity);
    }

    [Fact]
    public void The_domains_refusals_of_an_act_of_the_wrong_person_are_403()
    {
        RefusalStatus.Of(RefusalCodes.ClinicianRequired).ShouldBe(StatusCodes.Status403Forbidden);
        RefusalStatus.Of(RefusalCodes.NotBookedPractitioner).ShouldBe(StatusCodes.Status403Forbidden);
    }
}
