namespace Clinic.Api.Messaging;

/// <summary>
/// A message of the API's own that Wolverine handles (the domain's commands are messages too). Wolverine logs a failed
/// message under its type's name, quoting it: <see cref="Database.ClinicLoggerProvider"/> silences those categories.
/// </summary>
public interface IClinicMessage;
