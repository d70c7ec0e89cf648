using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Clinic.Api.Lots;

/// <summary>
/// The API's JSON for answers that carry whole clinical records, such as a side effect's description or its review's
/// notes: an erased patient's personal text no longer opens and is written as null, although the record's type says it
/// is always there (the API's JSON otherwise refuses to write such a null, and the answer would be a 500).
/// </summary>
internal sealed class ErasedValuesJson(IOptions<JsonOptions> json)
{
    public JsonSerializerOptions Options { get; } = new(json.Value.SerializerOptions) { RespectNullableAnnotations = false };
}
