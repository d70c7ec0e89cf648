using Clinic.Api.Practitioners;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Support;

/// <summary>The journey's practitioner's calendar document, read or removed behind the API's back.</summary>
public static class PractitionerCalendars
{
    public static async Task<PractitionerCalendar?> LoadAsync(ApiHost host, Journey journey)
    {
        await using var session = host.Store().QuerySession(journey.Clinic);
        return await session.LoadAsync<PractitionerCalendar>(journey.PractitionerId);
    }

    /// <summary>The document as stored.</summary>
    public static async Task<string?> JsonAsync(ApiHost host, Journey journey)
    {
        await using var session = host.Store().QuerySession(journey.Clinic);
        return await session.Json.FindByIdAsync<PractitionerCalendar>(journey.PractitionerId);
    }

    /// <summary>As a database written before calendars existed has none.</summary>
    public static async Task ForgetAsync(ApiHost host, Journey journey)
    {
        await using var session = host.Store().LightweightSession(journey.Clinic);
        session.Delete<PractitionerCalendar>(journey.PractitionerId);
        await session.SaveChangesAsync();
    }

}
