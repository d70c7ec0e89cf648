namespace Clinic.Api.Http;

/// <summary>
/// The body of a command that takes no values: none, or <c>{}</c>. Declared so that such a command reads its body like
/// every other (within the limits, JSON only, no member it does not know) instead of accepting anything unread.
/// </summary>
public sealed record EmptyRequest;
