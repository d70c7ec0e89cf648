using System.Net;
using System.Security.Cryptography;
using System.Text;
using Clinic.Api.Privacy;
using Clinic.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Privacy;

/// <summary>
/// The sealed values' envelopes: values are written in the shorter <c>pd2:</c> one, values written in the first
/// (<c>pd1:</c>) still open, neither opens under another patient's id, and neither once her key is destroyed.
/// </summary>
public class PersonalSealTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Value = "Quartzwood-Été";

    private PersonalSeal Seal => host.Services.GetRequiredService<PersonalSeal>();

    [Fact]
    public async Task A_value_is_sealed_in_the_shorter_envelope_and_opens()
    {
        var patient = await RegisteredAsync();

        var stored = Seal.Seal(patient.PatientId, Value);

        stored.ShouldStartWith(SealedValues.PrefixOf(patient.PatientId));
        stored.Length.ShouldBeLessThan((await FirstEnvelopeAsync(patient.PatientId, Value)).Length);
        Seal.Open(stored).ShouldBe(Value);
    }

    [Fact]
    public async Task A_value_in_the_first_envelope_still_opens()
    {
        var patient = await RegisteredAsync();

        Seal.Open(await FirstEnvelopeAsync(patient.PatientId, Value)).ShouldBe(Value);
    }

    [Fact]
    public async Task A_value_put_under_another_patients_id_does_not_open_in_either_envelope()
    {
        var (first, second) = (await RegisteredAsync(), await RegisteredAsync());
        var sealedForFirst = Convert.FromBase64String(Seal.Seal(first.PatientId, Value)[PersonalSeal.Prefix.Length..]);
        second.PatientId.ToByteArray().CopyTo(sealedForFirst, 0);
        var firstEnvelope = await FirstEnvelopeAsync(first.PatientId, Value);

        Should.Throw<AuthenticationTagMismatchException>(() => Seal.Open(PersonalSeal.Prefix + Convert.ToBase64String(sealedForFirst)));
        Should.Throw<AuthenticationTagMismatchException>(() => Seal.Open(firstEnvelope.Replace($"{first.PatientId:N}", $"{second.PatientId:N}")));
    }

    [Fact]
    public async Task Once_she_is_erased_no_value_of_hers_opens_in_either_envelope()
    {
        var patient = await RegisteredAsync();
        var values = new[] { Seal.Seal(patient.PatientId, Value), await FirstEnvelopeAsync(patient.PatientId, Value) };

        await patient.Admin.PostOkAsync($"{patient.PatientPath}/erasure", new { reason = "Court order 2026/119", legalObligation = true }, HttpStatusCode.OK);

        foreach (var stored in values)
            Seal.Open(stored).ShouldBeNull();
    }

    private Task<Journey> RegisteredAsync() => new Journey(host).RegisterPatientAsync();

    /// <summary><paramref name="value"/> as the first envelope sealed it, under the patient's key as stored.</summary>
    private async Task<string> FirstEnvelopeAsync(Guid patientId, string value)
    {
        var key = (byte[])(await StoredText.ScalarAsync($"SELECT key FROM {host.Schema}.{PersonalKeysTable.Name} WHERE subject_id = $1", patientId))!;
        var clear = Encoding.UTF8.GetBytes(value);
        var sealedBytes = new byte[12 + clear.Length + 16];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(sealedBytes.AsSpan(0, 12), clear, sealedBytes.AsSpan(12, clear.Length), sealedBytes.AsSpan(12 + clear.Length), patientId.ToByteArray());
        return $"{PersonalSeal.FirstEnvelopePrefix}{patientId:N}:{Convert.ToBase64String(sealedBytes)}";
    }
}

/// <summary>What the stored values sealed for a patient look like.</summary>
public static class SealedValues
{
    /// <summary>
    /// The text every value sealed for the patient starts with: the envelope's prefix and the base64 of the first 15
    /// bytes of her id, which are its first 20 characters whatever follows.
    /// </summary>
    public static string PrefixOf(Guid patientId) => PersonalSeal.Prefix + Convert.ToBase64String(patientId.ToByteArray())[..20];
}
