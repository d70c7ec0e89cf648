using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Hosting;

/// <summary>The interactive API reference (Scalar) is served, without a token, in Development only.</summary>
public class ApiReferenceTests
{
    public class InDevelopment(DevelopmentApiHost host) : IClassFixture<DevelopmentApiHost>
    {
        [Fact]
        public async Task The_reference_is_served_without_a_token_and_reads_the_openapi_document()
        {
            var client = host.AnonymousClient();

            var page = await client.GetAsync("/scalar");
            var script = await client.GetAsync("/scalar/scalar.js");

            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            (await page.Content.ReadAsStringAsync()).ShouldContain("\"url\":\"openapi/v1.json\"", Case.Sensitive,
                "the page loads the document from the site's root, where /openapi/v1.json is served");
            script.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    public class OutsideDevelopment(ApiHost host) : IClassFixture<ApiHost>
    {
        [Fact]
        public async Task There_is_no_reference()
        {
            var client = host.AnonymousClient();

            (await client.GetAsync("/scalar")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync("/scalar/scalar.js")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }
}
