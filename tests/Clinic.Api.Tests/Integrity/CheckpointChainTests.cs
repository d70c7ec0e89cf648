using Clinic.Api.Integrity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Clinic.Api.Tests.Integrity;

/// <summary>A clinic's checkpoints checked one against the other, and against one exported earlier, without a database.</summary>
public class CheckpointChainTests
{
    private static readonly DateTime At = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);
    private readonly CheckpointSigner _signer = CheckpointSigner.From(new IntegritySettings { SigningKey = Support.ApiHost.CheckpointKey }, Production);

    [Fact]
    public void Checkpoints_signed_and_chained_in_order_check_and_add_up_to_the_latest_heads()
    {
        var checkpoints = Chain(3);

        CheckpointChain.Breaks(checkpoints, _signer, ExportedCheckpoint.Of(checkpoints[^1], _signer)).ShouldBeEmpty();
        CheckpointChain.HeadsOf(checkpoints).Values.Single().Version.ShouldBe(3);
    }

    [Fact]
    public void A_checkpoint_whose_heads_changed_after_signing_is_invalid()
    {
        var checkpoints = Chain(3);
        checkpoints[1] = checkpoints[1] with { ChangedHeads = [checkpoints[0].ChangedHeads[0]] };

        Sequences(CheckpointChain.Breaks(checkpoints, _signer, null)).ShouldBe([2]);
    }

    [Fact]
    public void A_checkpoint_removed_from_the_middle_breaks_the_chain_at_the_next()
    {
        var checkpoints = Chain(3);
        checkpoints.RemoveAt(1);

        Sequences(CheckpointChain.Breaks(checkpoints, _signer, null)).ShouldBe([3]);
    }

    [Fact]
    public void A_checkpoint_signed_with_a_key_the_clinic_does_not_know_is_invalid()
    {
        using var stranger = CheckpointSigner.From(new IntegritySettings(), Development);
        var checkpoints = Chain(1, stranger);

        Sequences(CheckpointChain.Breaks(checkpoints, _signer, null)).ShouldBe([1]);
    }

    [Fact]
    public void A_retired_key_still_checks_the_checkpoints_it_signed()
    {
        using var retired = CheckpointSigner.From(new IntegritySettings(), Development);
        using var rotated = CheckpointSigner.From(
            new IntegritySettings { SigningKey = Support.ApiHost.CheckpointKey, RetiredKeys = [retired.PublicKeyOf(retired.KeyId)!] }, Production);

        CheckpointChain.Breaks(Chain(1, retired), rotated, null).ShouldBeEmpty();
    }

    [Fact]
    public void An_exported_checkpoint_the_store_no_longer_holds_is_invalid()
    {
        var checkpoints = Chain(2);
        var exported = ExportedCheckpoint.Of(checkpoints[1], _signer);

        Sequences(CheckpointChain.Breaks(checkpoints[..1], _signer, exported)).ShouldBe([2]);
        Sequences(CheckpointChain.Breaks(Chain(2), _signer, exported)).ShouldBe([2], "a chain of its own, signed, but not the one exported");
    }

    private List<Checkpoint> Chain(int count, CheckpointSigner? signer = null)
    {
        var stream = Guid.NewGuid();
        var checkpoints = new List<Checkpoint>();
        for (var sequence = 1; sequence <= count; sequence++)
        {
            StreamHead[] heads = [new(stream, sequence, Convert.ToHexStringLower(new byte[32]))];
            checkpoints.Add(Checkpoint.Signed("lyon", sequence, At.AddHours(sequence), heads, checkpoints.LastOrDefault()?.Hash ?? Checkpoint.Genesis, signer ?? _signer));
        }
        return checkpoints;
    }

    private static long[] Sequences(IEnumerable<ChainBreak> breaks) =>
        breaks.Select(found => found.Kind == BreakKinds.CheckpointInvalid && found.StreamId is null ? found.Version!.Value : -1).ToArray();

    private static IHostEnvironment Production => new HostingEnvironment { EnvironmentName = Environments.Production };

    private static IHostEnvironment Development => new HostingEnvironment { EnvironmentName = Environments.Development };
}
