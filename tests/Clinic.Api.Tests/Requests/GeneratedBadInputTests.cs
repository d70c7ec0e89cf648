using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinic.Api.Http;
using Clinic.Api.Tests.Support;
using CsCheck;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Requests;

/// <summary>
/// Bad input generated over every command endpoint, through HTTP only: a valid body of the endpoint, for records that
/// exist, bent one way (a text or a list too long, a wrong JSON type, a number as a string, a member given twice or
/// unknown or missing, deep nesting, control characters, a bad date, garbage bytes, a wrong content type, chunked or
/// not, with an idempotency key or not). Whatever comes, the API never answers 5xx, every refusal is a problem with a
/// <c>code</c>, and what the contract refuses outright is never accepted.
/// </summary>
public class GeneratedBadInputTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>Bounded: a few hundred requests, some seconds on two cores.</summary>
    private const int Iterations = 600;

    /// <summary>A valid body of each command endpoint, for the records of <see cref="World"/>; a new endpoint needs one here.</summary>
    private static readonly Dictionary<string, Func<World, object>> Samples = new()
    {
        ["POST /api/patients"] = _ => Journey.NewPatient(new DateOnly(1990, 4, 2)),
        ["PUT /api/clinic/policy"] = _ => new
        {
            screeningValidityDays = 180, minimumIntervalDays = 7, seriousReportingDays = 15, fatalOrLifeThreateningReportingDays = 7, allergyReadingWindowDays = 4,
        },
        ["POST /api/practitioners"] = _ => Journey.NewPractitioner(Journey.Today.AddYears(2)),
        ["POST /api/practitioners/{practitionerId}/licence"] = _ => new { licenceNumber = "DERM-2", licenceExpiresOn = Journey.Today.AddYears(3) },
        ["POST /api/practitioners/{practitionerId}/corrections"] = world => new
        {
            eventId = world.PractitionerRegistered, reason = "Typo", values = Journey.NewPractitioner(Journey.Today.AddYears(2), "Dr Ana Silva-Costa"),
        },
        ["POST /api/sessions"] = world => world.Journey.Booking(Journey.Slot(24)),
        ["POST /api/sessions/{sessionId}/reschedule"] = _ => new { startsAt = Journey.Slot(4), reason = "Patient asked", intervalOverride = (object?)null },
        ["POST /api/sessions/{sessionId}/cancel"] = _ => new { reason = "Patient is ill" },
        ["POST /api/sessions/{sessionId}/no-show"] = _ => new { },
        ["POST /api/sessions/{sessionId}/performed"] = _ => Journey.Performed(Journey.Slot(3).AddMinutes(5), durationMinutes: 30),
        ["POST /api/sessions/{sessionId}/signature"] = _ => new { meaning = "performed" },
        ["POST /api/patients/{patientId}/screenings"] = _ => new
        {
            screenedOn = Journey.Today, pregnant = false, breastfeeding = false, insulinDependentDiabetes = false, cancerOnMultiDrugTherapy = false,
            heartDiseaseOnMultiDrugTherapy = false, strokeHistory = false, liverDisorder = false, kidneyDisorder = false,
            lastNsaidDoseOn = Journey.Today.AddDays(-20), allergies = new[] { "penicillin" }, notes = "Unremarkable",
        },
        ["POST /api/patients/{patientId}/consents"] = _ => new { scope = new[] { "face", "body" }, formVersion = "v4", signedAt = Journey.Now },
        ["POST /api/patients/{patientId}/allergy-tests"] = _ => new { substances = new[] { "lidocaine" }, appliedAt = Journey.Now.AddHours(-2) },
        ["POST /api/patients/{patientId}/allergy-tests/{testId}/reading"] = _ => new
        {
            readAt = Journey.Now, reaction = true, reactedSubstances = new[] { "lidocaine" }, notes = "Wheal",
        },
        ["POST /api/patients/{patientId}/treatment-plans"] = _ => Journey.Plan(),
        ["POST /api/patients/{patientId}/treatment-plans/{planId}/stop"] = _ => new { reason = "Patient moved away" },
        // Refused while the retention runs: a mutation that turns it into a legal obligation would erase the world's patient.
        ["POST /api/patients/{patientId}/erasure"] = _ => new { reason = "Patient's request", legalObligation = false },
        ["POST /api/patients/{patientId}/side-effects"] = world => Journey.SideEffect(world.PerformedSession, serious: true, Journey.Slot(10).AddHours(2)),
        ["POST /api/patients/{patientId}/side-effects/{sideEffectId}/resolution"] = _ => new
        {
            resolvedAt = Journey.Slot(11), outcome = "recovered", notes = "Antibiotics completed",
        },
        ["POST /api/patients/{patientId}/side-effects/{sideEffectId}/review"] = _ => new { decision = "resume", notes = "Resume with care" },
        ["POST /api/patients/{patientId}/side-effects/{sideEffectId}/review/signature"] = _ => new { meaning = "reviewed" },
        ["POST /api/patients/{patientId}/side-effects/{sideEffectId}/regulator-notification"] = _ => new
        {
            notifiedAt = Journey.Now, reference = "ANSM-2025-00417",
        },
        ["POST /api/patients/{patientId}/corrections"] = world => new
        {
            eventId = world.PatientRegistered, reason = "Typo", values = Journey.NewPatient(new DateOnly(1990, 4, 3)),
        },
        ["POST /api/admin/dead-letters/{id}/replay"] = _ => new { },
        ["POST /api/integrity/checkpoints"] = _ => new { },
    };

    [Fact]
    public void Every_command_endpoint_has_a_valid_body_to_start_from() =>
        CommandEndpoints().Order().ShouldBe(Samples.Keys.Order());

    [Fact]
    public async Task Bad_input_to_any_command_endpoint_is_never_a_server_error_and_every_refusal_is_a_problem_with_a_code()
    {
        var world = await World.CreateAsync(host);
        var targets = CommandEndpoints()
            .Select(endpoint => Samples.TryGetValue(endpoint, out var sample)
                ? new Target(endpoint.Split(' ')[0], world.Path(endpoint.Split(' ')[1]), JsonSerializer.SerializeToNode(sample(world), HttpJson.Options)!)
                : throw new ShouldAssertException($"{endpoint} has no sample body: add one to {nameof(Samples)}"))
            .ToArray();

        await (from target in Gen.OneOf(targets)
               from body in BadBody(target.Sample)
               from chunked in Gen.Bool
               from idempotent in Gen.Bool
               select new BadRequest(target.Method, target.Path, body, chunked, idempotent))
            .SampleAsync(request => AnsweredAsync(world.Journey.Admin, request), iter: Iterations, threads: 2, print: request => request.ToString());
    }

    /// <summary>Every /api endpoint but those that only read (GET), as <c>METHOD /route/{parameter}</c>.</summary>
    private IEnumerable<string> CommandEndpoints() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText!.StartsWith("/api"))
            .SelectMany(endpoint => endpoint.Metadata.GetOrderedMetadata<HttpMethodMetadata>().SelectMany(m => m.HttpMethods)
                .Where(method => method is not ("GET" or "HEAD"))
                .Select(method => $"{method} {ApiPaths.Normalize(endpoint.RoutePattern.RawText!)}"));

    private static async Task AnsweredAsync(HttpClient client, BadRequest bad)
    {
        using var response = await SendAsync(client, bad);
        if (response is null)
            return;
        var text = await response.Content.ReadAsStringAsync();
        var said = text[..Math.Min(text.Length, 500)];
        var status = (int)response.StatusCode;

        status.ShouldBeLessThan(500, said);
        if (bad.Body.MustBeRefused)
            status.ShouldBeGreaterThanOrEqualTo(400, $"accepted: {said}");
        if (status < 400)
            return;
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", said);
        (JsonNode.Parse(text)?["code"]?.GetValue<string>()).ShouldNotBeNullOrWhiteSpace(said);
    }

    /// <summary>Kestrel counts a chunked body's framing (chunk sizes and line ends) towards the limit too.</summary>
    private const int ChunkFraming = 1024;

    /// <summary>The answer; null when the server refused a chunked body too large while it was still coming.</summary>
    private static async Task<HttpResponseMessage?> SendAsync(HttpClient client, BadRequest bad)
    {
        try
        {
            return await client.SendAsync(bad.ToHttpRequest());
        }
        catch (HttpRequestException) when (bad.Chunked && bad.Body.Bytes.Length > RequestLimits.BodyBytes - ChunkFraming)
        {
            // The server answers 413 and closes the connection while the client still sends; the reset that follows may
            // reach the client before it reads the answer.
            return null;
        }
    }

    /// <summary>A valid body bent one way.</summary>
    private static Gen<Body> BadBody(JsonNode sample) => Gen.OneOf(
        // Texts over every limit, and over the body's.
        from pick in Pick
        from length in Gen.OneOf(Gen.Int[RequestLimits.Name + 1, RequestLimits.Text + 100], Gen.Int[RequestLimits.Text + 1, RequestLimits.BodyBytes + 50_000])
        from letter in Gen.Char['a', 'z']
        select Bent(sample, pick, "oversize text", location => location.Set(new string(letter, length)), mustBeRefused: length > RequestLimits.Text),
        from pick in Pick
        from count in Gen.Int[RequestLimits.Items + 1, 100_000]
        select Bent(sample, pick, $"{count} elements", location => location.SetRaw(LongList(location.Value, count)), mustBeRefused: true),
        from pick in Pick
        from value in Gen.OneOf("0", "-1", "1.5", "1e308", "1e400", "-0", "true", "false", "null", "\"\"", "\"x\"", "[]", "{}", "[1,2]", "{\"a\":1}")
        select Bent(sample, pick, "wrong type", location => location.SetRaw(value)),
        from pick in Pick
        select Bent(sample, pick, "number as a string", location => location.Set(location.Value!.ToJsonString()), mustBeRefused: true,
            among: location => location.Value?.GetValueKind() == JsonValueKind.Number),
        from pick in Pick
        select Bent(sample, pick, "member given twice", location => location.Duplicate(), mustBeRefused: true, among: location => location.Member is not null),
        from pick in Pick
        from depth in Gen.Int[RequestLimits.Depth, 20_000]
        from open in Gen.OneOf("[", "{\"a\":")
        select Bent(sample, pick, $"nested {depth} deep", location => location.SetRaw(Nested(open, depth)), mustBeRefused: true),
        from pick in Pick
        select Bent(sample, pick, "missing member", location => location.Remove(), among: location => location.Member is not null),
        from pick in Pick
        select Bent(sample, pick, "unknown member", location => location.AddUnknownMemberBeside(), mustBeRefused: true),
        from pick in Pick
        from text in Gen.OneOf(Gen.Char['\0', '\u001f'], Gen.Char["\u007f\u0085\u2028\u2029\ufeff\ufffe\uffff"], Gen.Char['a', 'z']).Array[1, 40]
        select Bent(sample, pick, "control characters", location => location.Set(new string(text)), mustBeRefused: text.Contains('\0')),
        from pick in Pick
        from raw in Gen.OneOf("\"\\ud800\"", "\"\\udc00x\"", "\"\\u00\"", "\"\\x41\"", "\"a\u0001b\"", "NaN", "Infinity", "undefined", "'x'", "0x10", "01")
        select Bent(sample, pick, "invalid JSON value", location => location.SetRaw(raw), mustBeRefused: true),
        from pick in Pick
        from date in Gen.OneOf(
            "2025-13-45", "2025-02-30", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "2025-1-1", "2025-01-01", "2025-01-01T10:00:00",
            "2025-01-01T25:00:00Z", "2025-01-01T10:00:00+25:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "yesterday", "")
        select Bent(sample, pick, "bad date", location => location.Set(date)),
        from bytes in Gen.Byte.Array[0, 4_000]
        select new Body("garbage bytes", "application/json", bytes, MustBeRefused: false),
        from contentType in Gen.OneOf("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/octet-stream", "text/json", "application/jsonx")
        select new Body($"sent as {contentType}", contentType, Encoding.UTF8.GetBytes(sample.ToJsonString()), MustBeRefused: true),
        from contentType in Gen.OneOf<string?>(null, "application/json; charset=utf-16", "application/problem+json", "application/json; charset=latin1")
        select new Body($"sent as {contentType ?? "nothing"}", contentType, Encoding.UTF8.GetBytes(sample.ToJsonString()), MustBeRefused: contentType is null),
        from root in Gen.OneOf("", " ", "[]", "null", "1", "\"x\"", "true", "[{}]", "{", "}", "{}{}", "{\"a\":1,}", "{,}")
        select new Body($"body {root}", "application/json", Encoding.UTF8.GetBytes(root), MustBeRefused: false));

    /// <summary>Which place of the body a mutation bends, whatever their number.</summary>
    private static readonly Gen<int> Pick = Gen.Int[0, 10_000];

    /// <summary>
    /// The sample with one of its places (a member or an element, at any depth) bent; when it has no such place, a
    /// member the request does not have is added to the body and bent instead (refused, as long as it stays).
    /// </summary>
    private static Body Bent(JsonNode sample, int pick, string mutation, Action<Location> bend, bool mustBeRefused = false, Func<Location, bool>? among = null)
    {
        var body = sample.DeepClone();
        var places = Location.All(body).Where(among ?? (_ => true)).ToList();
        var place = places.Count > 0 ? places[pick % places.Count] : Location.Unknown(body);
        bend(place);
        var unknownStays = places.Count == 0 && body.AsObject().ContainsKey(Location.UnknownMember);
        return new Body($"{mutation} at {place}", "application/json", Encoding.UTF8.GetBytes(place.Serialize(body)), mustBeRefused || unknownStays);
    }

    /// <summary>A JSON list of <paramref name="count"/> copies of the value (or of its first element), at most about 600 KB.</summary>
    private static string LongList(JsonNode? value, int count)
    {
        var element = (value is JsonArray { Count: > 0 } list ? list[0] : value)?.ToJsonString() ?? "null";
        return $"[{string.Join(',', Enumerable.Repeat(element, Math.Min(count, Math.Max(RequestLimits.Items + 1, 600_000 / (element.Length + 1)))))}]";
    }

    private static string Nested(string open, int depth) =>
        string.Concat(Enumerable.Repeat(open, depth)) + "1" + new string(open == "[" ? ']' : '}', depth);

    private sealed record Target(string Method, string Path, JsonNode Sample);

    /// <summary>A body, how it was made, and whether the contract refuses it whatever the records say.</summary>
    private sealed record Body(string Mutation, string? ContentType, byte[] Bytes, bool MustBeRefused);

    private sealed record BadRequest(string Method, string Path, Body Body, bool Chunked, bool Idempotent)
    {
        public HttpRequestMessage ToHttpRequest()
        {
            var content = new StreamContent(new MemoryStream(Body.Bytes));
            if (Body.ContentType is not null)
                content.Headers.TryAddWithoutValidation("Content-Type", Body.ContentType);
            if (!Chunked)
                content.Headers.ContentLength = Body.Bytes.Length;
            // Expect: 100-continue, so that a body refused before it is read need not be sent whole.
            var request = new HttpRequestMessage(new HttpMethod(Method), Path) { Content = content, Headers = { ExpectContinue = true, TransferEncodingChunked = Chunked } };
            if (Idempotent)
                request.Headers.Add(IdempotencyKeys.Header, Guid.NewGuid().ToString());
            return request;
        }

        public override string ToString() =>
            $"{Method} {Path} ({Body.Mutation}; {Body.ContentType ?? "no content type"}; {(Chunked ? "chunked" : $"{Body.Bytes.Length} bytes")}" +
            $"{(Idempotent ? "; idempotency key" : "")}): {Encoding.UTF8.GetString(Body.Bytes[..Math.Min(Body.Bytes.Length, 300)])}";
    }

    /// <summary>A member of an object or an element of a list, somewhere in a body.</summary>
    private sealed class Location(JsonNode parent, string? member, int index)
    {
        public const string UnknownMember = "unexpected";
        private const string Marker = "\u0001raw\u0001";
        private string? _raw;

        public string? Member => member;

        public JsonNode? Value => member is null ? parent.AsArray()[index] : parent.AsObject()[member];

        public static IEnumerable<Location> All(JsonNode? node) => node switch
        {
            JsonObject members => members.ToList().SelectMany(m => All(m.Value).Prepend(new Location(members, m.Key, 0))),
            JsonArray elements => elements.SelectMany((element, i) => All(element).Prepend(new Location(elements, null, i))),
            _ => [],
        };

        /// <summary>A member the body's request does not have, for a body without members of its own (<c>{}</c>).</summary>
        public static Location Unknown(JsonNode body)
        {
            body.AsObject()[UnknownMember] = 1;
            return new Location(body, UnknownMember, 0);
        }

        public void Set(JsonNode? value)
        {
            if (member is null)
                parent.AsArray()[index] = value;
            else
                parent.AsObject()[member] = value;
        }

        /// <summary>Puts JSON text (valid or not) in this place when the body is serialized.</summary>
        public void SetRaw(string raw)
        {
            _raw = raw;
            Set(Marker);
        }

        public void Remove()
        {
            if (member is not null)
                parent.AsObject().Remove(member);
        }

        /// <summary>A member the request does not have, in the object that holds this place (or as this element).</summary>
        public void AddUnknownMemberBeside()
        {
            if (parent is JsonObject members)
                members[UnknownMember] = "value";
            else
                Set(new JsonObject { [UnknownMember] = "value" });
        }

        /// <summary>The member written twice, with the same value.</summary>
        public void Duplicate()
        {
            var value = Value?.ToJsonString() ?? "null";
            SetRaw($"{value},{JsonSerializer.Serialize(member)}:{value}");
        }

        public string Serialize(JsonNode body) =>
            _raw is null ? body.ToJsonString() : body.ToJsonString().Replace(JsonSerializer.Serialize(Marker), _raw);

        public override string ToString() => member ?? $"[{index}]";
    }

    /// <summary>The records the samples name: a patient ready for treatment, with a booked and a performed session, an unread allergy test and a serious side effect.</summary>
    private sealed record World(Journey Journey, Guid BookedSession, Guid PerformedSession, Guid UnreadTest, Guid SideEffect, Guid PatientRegistered, Guid PractitionerRegistered)
    {
        public static async Task<World> CreateAsync(ApiHost host)
        {
            var journey = await new Journey(host).ReadyForTreatmentAsync();
            var booked = await journey.ScheduleAsync(Journey.Slot(3));
            var performed = await journey.PerformedSessionAsync(Journey.Slot(10));
            Guid sideEffect;
            using (journey.ClockAt(Journey.Slot(10).AddHours(6)))
                sideEffect = await journey.ReportSideEffectAsync(performed, serious: true, Journey.Slot(10).AddHours(2));
            var unreadTest = await journey.AllergyTestAsync(read: false);
            var patientRegistered = Journey.Entry(await journey.HistoryAsync(), "patient-registered.v1")["eventId"]!.GetValue<Guid>();
            await host.WaitForProjectionsAsync();
            var practitionerRegistered = (await AuditTrail.EntriesAsync(journey.Admin, "&type=practitioner-registered.v1")).Single()["id"]!.GetValue<Guid>();
            return new World(journey, booked, performed, unreadTest, sideEffect, patientRegistered, practitionerRegistered);
        }

        /// <summary>The route with each parameter filled by the record of that name (a dead letter nobody has).</summary>
        public string Path(string route)
        {
            var path = route
                .Replace("{patientId}", $"{Journey.PatientId}").Replace("{practitionerId}", $"{Journey.PractitionerId}")
                .Replace("{sessionId}", $"{BookedSession}").Replace("{planId}", $"{Journey.PlanId}").Replace("{testId}", $"{UnreadTest}")
                .Replace("{sideEffectId}", $"{SideEffect}").Replace("{id}", $"{Guid.NewGuid()}");
            return path.Contains('{') ? throw new ShouldAssertException($"{route} has a parameter the world has no record for") : path;
        }
    }
}
