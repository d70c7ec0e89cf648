namespace Clinic.Api.Notifications;

/// <summary>
/// The data of an <c>event</c> notification, for dashboards: which kind of event was recorded, nothing more. No
/// stream or patient id and no summary: dashboards read their figures from <c>/api/dashboard</c>, which holds no
/// personal data either.
/// </summary>
public sealed record EventNotice(string EventType);
