using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;

namespace Clinic.Api.Fhir;

/// <summary>
/// A resource's id and full URL come from the domain id of what it shows (<c>urn:uuid:</c> and the id), so the same
/// record exports under the same ids every time and the Bundle's references resolve inside it. A resource that has no
/// domain id of its own (a product lot, a substance, one product of a session) gets a name-based UUID (version 5, RFC 9562)
/// under the id of what it belongs to.
/// </summary>
internal static class FhirIds
{
    private const byte NameBasedSha1 = 0x50;
    private const byte Rfc4122Variant = 0x80;

    public static string UrlOf(Guid id) => $"urn:uuid:{id}";

    public static ResourceReference To(Guid id) => new(UrlOf(id));

    public static Guid Derived(Guid owner, string name)
    {
        var hash = SHA1.HashData([.. owner.ToByteArray(bigEndian: true), .. Encoding.UTF8.GetBytes(name)]);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | NameBasedSha1);
        uuid[8] = (byte)((uuid[8] & 0x3F) | Rfc4122Variant);
        return new Guid(uuid, bigEndian: true);
    }
}
