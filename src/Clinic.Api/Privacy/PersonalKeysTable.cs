using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Clinic.Api.Privacy;

/// <summary>
/// The table of the patients' keys, beside Marten's: a patient's key (null once destroyed), her clinic, when it was made
/// and when destroyed.
/// </summary>
public sealed class PersonalKeysTable(string schema, Migrator migrator) : FeatureSchemaBase(nameof(PersonalKeysTable), migrator)
{
    public const string Name = "clinic_personal_keys";

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var table = new Table(new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("subject_id").AsPrimaryKey();
        table.AddColumn<string>("tenant_id").NotNull();
        table.AddColumn("key", "bytea");
        table.AddColumn<DateTimeOffset>("created_at").NotNull();
        table.AddColumn<DateTimeOffset>("destroyed_at");
        yield return table;
    }
}
