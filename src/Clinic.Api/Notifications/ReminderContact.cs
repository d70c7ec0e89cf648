using Clinic.Domain.Common;

namespace Clinic.Api.Notifications;

/// <summary>Whom a session reminder reaches: sealed while the reminder waits in the message store, as in the record.</summary>
public sealed record ReminderContact(
    [property: PersonalData] string FirstName,
    [property: PersonalData] string? Phone,
    [property: PersonalData] string? Email);
