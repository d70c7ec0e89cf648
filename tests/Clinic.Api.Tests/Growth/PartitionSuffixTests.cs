using System.Text.RegularExpressions;
using Clinic.Api.Database;

namespace Clinic.Api.Tests.Growth;

/// <summary>A clinic's partition suffix is a plain PostgreSQL name part, short enough, and its own.</summary>
public class PartitionSuffixTests
{
    [Theory]
    [InlineData("clinic-0d6f61ae11d2")]
    [InlineData("Clinique Saint-Éloi / Lyon")]
    [InlineData("a-clinic-id-that-is-much-longer-than-any-postgresql-name-may-be-0123456789")]
    public void A_suffix_is_lower_case_letters_digits_and_underscores_and_keeps_every_partition_name_whole(string clinic)
    {
        var suffix = ClinicPartitions.SuffixOf(clinic);

        suffix.ShouldMatch("^[a-z0-9_]+$");
        $"mt_events_sequence_{suffix}".Length.ShouldBeLessThanOrEqualTo(63);
    }

    [Fact]
    public void Clinics_whose_ids_differ_only_in_replaced_or_cut_characters_have_suffixes_of_their_own()
    {
        ClinicPartitions.SuffixOf("clinic-a").ShouldNotBe(ClinicPartitions.SuffixOf("clinic_a"));
        ClinicPartitions.SuffixOf(new string('a', 40) + "1").ShouldNotBe(ClinicPartitions.SuffixOf(new string('a', 40) + "2"));
    }
}
