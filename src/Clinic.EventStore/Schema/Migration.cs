namespace Clinic.EventStore.Schema;

/// <summary>One numbered, never-edited step of the store's schema. <c>{schema}</c> in the SQL is the store's schema name.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
