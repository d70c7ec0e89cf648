namespace Clinic.Api.Cli;

/// <summary>A verb was called wrongly; the message says how to call it.</summary>
public sealed class CommandLineException(string message) : Exception(message);
