using Clinic.Domain.Common;
using Clinic.Domain.Corrections;

namespace Clinic.Domain.Practitioners;

/// <summary>The practitioner stream: registration, licence and the calendar of session bookings.</summary>
/// <remarks>Bookings are decided together with the patient stream by <see cref="Sessions.SessionBooking"/>.</remarks>
public static class PractitionerDecider
{
    public static PractitionerState Initial => PractitionerState.Initial;

    public static Decision Decide(IPractitionerCommand command, PractitionerState state) => command switch
    {
        RegisterPractitioner register => Register(register, state),
        _ when PractitionerRules.CheckRegistered(state, command.PractitionerId) is { } notFound => Decision.Refuse(notFound),
        CorrectPractitionerDetails correct => Correct(correct),
        RenewPractitionerLicence renew => Renew(renew, state),
        _ => Decision.Unsupported(command),
    };

    public static PractitionerState Evolve(PractitionerState state, IDomainEvent @event) => @event switch
    {
        PractitionerRegistered e => state with { PractitionerId = e.PractitionerId, ClinicId = e.ClinicId, Details = e.Details },
        PractitionerDetailsCorrected e when state.IsRegistered => state with { Details = e.Details },
        PractitionerLicenceRenewed e when state.IsRegistered => state with
        {
            Details = state.Details with { LicenceNumber = e.LicenceNumber, LicenceExpiresOn = e.ExpiresOn },
        },
        PractitionerBooked e => state.WithBooking(new PractitionerBooking(e.SessionId, e.StartsAt, e.EndsAt)),
        // The moved booking may have been pruned from a calendar (an overdue session moved to a later day): it comes back.
        PractitionerBookingMoved e => state.WithBooking(new PractitionerBooking(e.SessionId, e.StartsAt, e.EndsAt)),
        PractitionerBookingReleased e => state with { Bookings = state.Bookings.Remove(e.SessionId) },
        _ => state,
    };

    private static Decision Register(RegisterPractitioner command, PractitionerState state) =>
        (Check.That(!state.IsRegistered, RefusalCodes.AlreadyRegistered, $"Practitioner {state.PractitionerId} is already registered.")
         ?? PractitionerRules.Validate(command.Details)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new PractitionerRegistered(command.PractitionerId, command.ClinicId, command.Details));

    private static Decision Correct(CorrectPractitionerDetails command) =>
        (CorrectionRules.Validate(command) ?? PractitionerRules.Validate(command.Details)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new PractitionerDetailsCorrected(
                command.PractitionerId, command.CorrectedEventId, command.Reason, command.Details));

    private static Decision Renew(RenewPractitionerLicence command, PractitionerState state) =>
        (Check.NotBlank(command.LicenceNumber, RefusalCodes.InvalidPractitioner, "The licence number")
         ?? Check.That(command.ExpiresOn > state.Details!.LicenceExpiresOn, RefusalCodes.InvalidPractitioner,
             $"A renewed licence must expire after the current one ({state.Details.LicenceExpiresOn:yyyy-MM-dd}).")) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new PractitionerLicenceRenewed(command.PractitionerId, command.LicenceNumber, command.ExpiresOn));
}
