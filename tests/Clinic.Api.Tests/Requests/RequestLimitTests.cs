using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Clinic.Api.Http;
using Clinic.Api.Tests.Support;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Requests;

/// <summary>
/// What a request may carry (docs/api.md, "Limits"): names 200 characters, free text 4,000, lists 50 elements, bodies
/// 256 KB, JSON nested 32 deep. One more is refused, 400 <c>malformed-request</c> (413 <c>request-too-large</c> for
/// the body), and records nothing; the limit itself is accepted.
/// </summary>
public class RequestLimitTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Malformed = "malformed-request";

    [Theory]
    [InlineData("firstName")]
    [InlineData("lastName")]
    [InlineData("phone")]
    [InlineData("email")]
    public async Task A_patient_name_or_contact_of_more_than_200_characters_is_400_and_registers_nobody(string member)
    {
        var journey = new Journey(host);

        var problem = await journey.Reception.PostRawProblemAsync("/api/patients", Patient(member, Name(member, 201)), HttpStatusCode.BadRequest, Malformed);
        await journey.Reception.CreateAsync("/api/patients", JsonNode.Parse(Patient(member, Name(member, 200)))!);

        problem["detail"]!.GetValue<string>().ShouldContain($"'{member}' is longer than 200 characters");
        (await AuditTrail.RecordedAsync(host, journey.Admin)).ShouldBe(["patient-registered.v1"]);
    }

    [Fact]
    public async Task Characters_are_counted_as_unicode_characters_not_as_utf16_code_units()
    {
        var journey = new Journey(host);
        var emoji = char.ConvertFromUtf32(0x1F600);

        await journey.Reception.CreateAsync("/api/patients", JsonNode.Parse(Patient("firstName", string.Concat(Enumerable.Repeat(emoji, 200))))!);
        await journey.Reception.PostRawProblemAsync("/api/patients", Patient("firstName", string.Concat(Enumerable.Repeat(emoji, 201))),
            HttpStatusCode.BadRequest, Malformed);
    }

    [Fact]
    public async Task Notes_of_more_than_4000_characters_are_400_and_record_nothing()
    {
        var journey = await new Journey(host).RegisterPatientAsync();
        var screening = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Journey.Screening(), HttpJson.Options))!;

        screening["notes"] = new string('n', 4001);
        await journey.Practitioner.PostRawProblemAsync($"{journey.PatientPath}/screenings", screening.ToJsonString(), HttpStatusCode.BadRequest, Malformed);
        Journey.Types(await journey.HistoryAsync()).ShouldBe(["patient-registered.v1"]);

        screening["notes"] = new string('n', 4000);
        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/screenings", screening);
    }

    [Fact]
    public async Task A_reason_of_more_than_4000_characters_is_400_in_a_command_and_in_a_correction()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));
        var registered = Journey.Entry(await journey.HistoryAsync(), "patient-registered.v1")["eventId"]!.GetValue<Guid>();
        var before = Journey.Types(await journey.HistoryAsync());

        await journey.Reception.PostProblemAsync($"/api/sessions/{session}/cancel", new { reason = new string('r', 4001) }, HttpStatusCode.BadRequest, Malformed);
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections",
            new { eventId = registered, reason = new string('r', 4001), values = Journey.NewPatient(new DateOnly(1990, 4, 2)) }, HttpStatusCode.BadRequest, Malformed);

        Journey.Types(await journey.HistoryAsync()).ShouldBe(before);
        await journey.Reception.PostOkAsync($"/api/sessions/{session}/cancel", new { reason = new string('r', 4000) }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_list_of_more_than_50_elements_or_with_an_element_of_more_than_200_characters_is_400()
    {
        var journey = await new Journey(host).ConsultedAsync();
        var appliedAt = Journey.TestDoseAt;
        var before = Journey.Types(await journey.HistoryAsync());

        foreach (var substances in new string[][] { Substances(51), ["lidocaine", new string('s', 201)] })
            await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/allergy-tests", new { substances, appliedAt }, HttpStatusCode.BadRequest, Malformed);
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/treatment-plans",
            new { indication = "acne-scars", areas = Enumerable.Repeat("face", 51), technique = "nappage", plannedSessions = 6, intervalDays = 7 },
            HttpStatusCode.BadRequest, Malformed);
        Journey.Types(await journey.HistoryAsync()).ShouldBe(before);

        await journey.Practitioner.CreateAsync($"{journey.PatientPath}/allergy-tests", new { substances = Substances(50), appliedAt });
        await journey.Practitioner.CreateAsync($"{journey.PatientPath}/allergy-tests", new { substances = new[] { new string('s', 200) }, appliedAt });
    }

    [Fact]
    public async Task A_performed_session_with_more_than_50_aftercare_instructions_or_a_deviation_reason_of_more_than_4000_characters_is_400()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var startsAt = Journey.Slot(3);
        var session = await journey.ScheduleAsync(startsAt);
        using var afterSession = journey.AfterSession(startsAt);
        var path = $"/api/sessions/{session}/performed";

        await journey.Practitioner.PostProblemAsync(path,
            Journey.Performed(startsAt.AddMinutes(5), aftercare: Enumerable.Repeat("no-water", 51).ToArray()), HttpStatusCode.BadRequest, Malformed);
        await journey.Clinician.PostProblemAsync(path,
            Journey.Performed(startsAt.AddMinutes(5), technique: "epidermal", deviation: new { reason = new string('r', 4001) }), HttpStatusCode.BadRequest, Malformed);
        Journey.Types(await journey.HistoryAsync()).ShouldNotContain("session-performed.v1");

        await journey.Clinician.PostOkAsync(path,
            Journey.Performed(startsAt.AddMinutes(5), technique: "epidermal", deviation: new { reason = new string('r', 4000) }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_performed_session_with_more_than_50_products_or_a_product_name_of_more_than_200_characters_is_400()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var startsAt = Journey.Slot(3);
        var session = await journey.ScheduleAsync(startsAt);
        var product = new { name = "HA cocktail", lotNumber = "LOT-77", volumeMl = 0.05m, substances = new[] { "hyaluronic acid" } };
        using var afterSession = journey.AfterSession(startsAt);

        foreach (var products in new object[][] { Enumerable.Repeat(product, 51).ToArray(), [product with { name = new string('p', 201) }] })
            await journey.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed", Performed(startsAt, products), HttpStatusCode.BadRequest, Malformed);
        Journey.Types(await journey.HistoryAsync()).ShouldNotContain("session-performed.v1");

        await journey.Practitioner.PostOkAsync($"/api/sessions/{session}/performed", Performed(startsAt, Enumerable.Repeat(product, 50).ToArray()), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_of_more_than_256_KB_is_413_whether_its_length_is_declared_or_it_comes_in_chunks_with_an_idempotency_key_or_not()
    {
        var journey = new Journey(host);
        var atTheLimit = Padded(Patient("firstName", "Maria"), RequestLimits.BodyBytes);

        await HttpJson.ProblemAsync(await journey.Reception.SendAsync(Post("/api/patients", Padded(Patient("firstName", "Maria"), RequestLimits.BodyBytes + 1), chunked: false)),
            HttpStatusCode.RequestEntityTooLarge, "request-too-large");
        await HttpJson.ProblemAsync(await journey.Reception.SendAsync(Post("/api/patients", Padded(Patient("firstName", "Maria"), RequestLimits.BodyBytes + 1), chunked: true)),
            HttpStatusCode.RequestEntityTooLarge, "request-too-large");
        var withKey = Post("/api/patients", Padded(Patient("firstName", "Maria"), RequestLimits.BodyBytes + 1), chunked: false);
        withKey.Headers.Add(IdempotencyKeys.Header, "too-large-1");
        await HttpJson.ProblemAsync(await journey.Reception.SendAsync(withKey), HttpStatusCode.RequestEntityTooLarge, "request-too-large");
        (await AuditTrail.RecordedAsync(host, journey.Admin)).ShouldBeEmpty();

        (await journey.Reception.SendAsync(Post("/api/patients", atTheLimit, chunked: false))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Json_nested_more_than_32_deep_is_400_even_where_a_request_takes_any_json()
    {
        var journey = await new Journey(host).RegisterPatientAsync();
        var registered = Journey.Entry(await journey.HistoryAsync(), "patient-registered.v1")["eventId"]!.GetValue<Guid>();
        string Correction(int depth) =>
            $$$"""{"eventId": "{{{registered}}}", "reason": "Typo", "values": {"firstName": {{{new string('[', depth - 2)}}}{{{new string(']', depth - 2)}}}}}""";

        // Within the limit, the values are read and do not fit the record; beyond it, the body is not read at all.
        await journey.Practitioner.PostRawProblemAsync($"{journey.PatientPath}/corrections", Correction(RequestLimits.Depth), HttpStatusCode.BadRequest, "malformed-correction");
        var problem = await journey.Practitioner.PostRawProblemAsync($"{journey.PatientPath}/corrections", Correction(RequestLimits.Depth + 1), HttpStatusCode.BadRequest, Malformed);

        problem["detail"]!.GetValue<string>().ShouldContain("depth");
        Journey.Types(await journey.HistoryAsync()).ShouldBe(["patient-registered.v1"]);
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("type")]
    public async Task An_audit_filter_of_more_than_200_characters_is_400(string filter)
    {
        var journey = new Journey(host);

        await journey.Admin.GetProblemAsync($"/api/audit?{filter}={new string('a', 201)}", HttpStatusCode.BadRequest, Malformed);
        (await journey.Admin.GetOkAsync($"/api/audit?{filter}={new string('a', 200)}"))["entries"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public void Every_text_and_list_a_request_body_carries_has_a_limit()
    {
        var bodies = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(endpoint => endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>())
            .Select(accepts => accepts.RequestType).OfType<Type>().Distinct().ToList();
        bodies.Count.ShouldBeGreaterThan(15);

        var unlimited = bodies.SelectMany(RequestMembers).Distinct()
            .Where(member => (member.PropertyType == typeof(string) || IsList(member.PropertyType)) && member.GetCustomAttribute<MaxLengthAttribute>() is null)
            .Select(member => $"{member.DeclaringType!.Name}.{member.Name}").ToList();

        unlimited.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_openapi_document_shows_the_limits_and_that_instants_are_strings()
    {
        var document = await host.AnonymousClient().GetOkAsync("/openapi/v1.json");
        var schemas = document["components"]!["schemas"]!;

        schemas["PatientRequest"]!["properties"]!["firstName"]!["maxLength"]!.GetValue<int>().ShouldBe(200);
        schemas["ScreeningRequest"]!["properties"]!["notes"]!["maxLength"]!.GetValue<int>().ShouldBe(4000);
        var substances = schemas["AllergyTestRequest"]!["properties"]!["substances"]!;
        substances["maxItems"]!.GetValue<int>().ShouldBe(50);
        substances["items"]!["maxLength"]!.GetValue<int>().ShouldBe(200);
        schemas["PerformedRequest"]!["properties"]!["products"]!["maxItems"]!.GetValue<int>().ShouldBe(50);
        var actor = document["paths"]!["/api/audit"]!["get"]!["parameters"]!.AsArray().Single(parameter => parameter!["name"]?.GetValue<string>() == "actor")!;
        actor["schema"]!["maxLength"]!.GetValue<int>().ShouldBe(200);
        schemas["AllergyTestRequest"]!["properties"]!["appliedAt"]!["type"]!.GetValue<string>().ShouldBe("string");
    }

    /// <summary>The members of a request record and of the records it holds, alone or in lists.</summary>
    private static IEnumerable<PropertyInfo> RequestMembers(Type type) =>
        type.GetProperties().SelectMany(member => ElementType(member.PropertyType) is { Namespace: { } ns } held && ns.StartsWith("Clinic.Api")
            ? RequestMembers(held).Prepend(member)
            : [member]);

    private static Type ElementType(Type type) => IsList(type) ? type.GetGenericArguments().Single() : type;

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static string Name(string member, int length) =>
        member == "email" ? new string('m', length - "@example.com".Length) + "@example.com" : new string('m', length);

    private static string Patient(string member, string value)
    {
        var patient = JsonNode.Parse("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "female"}""")!;
        patient[member] = value;
        return patient.ToJsonString();
    }

    private static string[] Substances(int count) => Enumerable.Range(1, count).Select(i => $"substance {i}").ToArray();

    private static object Performed(DateTimeOffset startsAt, object[] products) => Journey.Performed(startsAt.AddMinutes(5), products: products);

    /// <summary><paramref name="json"/> followed by spaces, <paramref name="bytes"/> bytes in all: still the same JSON.</summary>
    private static byte[] Padded(string json, int bytes) => Encoding.UTF8.GetBytes(json.PadRight(bytes));

    private static HttpRequestMessage Post(string path, byte[] body, bool chunked)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            // Expect: 100-continue, so that the server can refuse a declared length before the client sends the body.
            Content = new StreamContent(new MemoryStream(body)) { Headers = { ContentType = new("application/json") } },
            Headers = { ExpectContinue = true, TransferEncodingChunked = chunked },
        };
        if (!chunked)
            request.Content.Headers.ContentLength = body.Length;
        return request;
    }
}
