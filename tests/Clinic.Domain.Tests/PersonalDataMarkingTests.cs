using System.Reflection;
using System.Text.RegularExpressions;
using Clinic.Domain.Common;

namespace Clinic.Domain.Tests;

/// <summary>
/// Every member of the domain that by its name holds a person's identity, contact or free-text account is marked
/// <see cref="PersonalDataAttribute"/>, so that the store seals it: a new one left unmarked fails here, not in production.
/// </summary>
public partial class PersonalDataMarkingTests
{
    /// <summary>Named like personal data but not a patient's: what they hold stays in clear, by choice.</summary>
    private static readonly HashSet<string> NotAPatients =
    [
        "PractitionerDetails.Name", // the practitioner's professional name, on the record of who treated: not erased with a patient
        "ProductUsed.Name", // a product's commercial name
        "EventType.Name", // an event's stable name
        "Signature.PrintedName", // the signer's (staff) printed name, part of the signature manifestation (21 CFR 11.50)
        "Signer.PrintedName",
    ];

    [GeneratedRegex("name|email|phone|notes|description|birth", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalName();

    [Fact]
    public void Every_member_named_like_personal_data_is_marked()
    {
        var unmarked = typeof(PersonalDataAttribute).Assembly.GetTypes()
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(property => PersonalName().IsMatch(property.Name) && property.GetCustomAttribute<PersonalDataAttribute>() is null)
            .Select(property => $"{property.DeclaringType!.Name}.{property.Name}")
            .Where(name => !NotAPatients.Contains(name));

        unmarked.ShouldBeEmpty();
    }

    [Fact]
    public void The_patients_identity_and_contact_are_marked() =>
        typeof(Patients.PatientDetails).GetProperties()
            .Where(property => property.GetCustomAttribute<PersonalDataAttribute>() is not null).Select(property => property.Name)
            .ShouldBe(["FirstName", "LastName", "DateOfBirth", "Phone", "Email"], ignoreOrder: true);
}
