namespace Clinic.Messaging.Schema;

/// <summary>One numbered, never-edited step of a schema. <c>{schema}</c> in the SQL is the schema name.</summary>
public sealed record Migration(int Version, string Name, string Sql);
