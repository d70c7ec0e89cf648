using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Clinic.Api.Audit;
using Clinic.Api.Dashboard;
using Clinic.Api.History;
using Clinic.Api.Lots;
using Clinic.Api.Practitioners;
using Clinic.Api.Privacy;
using Clinic.Api.Schedules;
using Clinic.Api.Sessions;
using Clinic.Domain.Common;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Npgsql;
using Weasel.Core;

namespace Clinic.Api.Database;

/// <summary>
/// The clinic's Marten store: every event by its stable name, in streams of Guid ids, with the clinic as conjoined
/// tenant of events and documents; who, on whose behalf and why in the events' metadata; the patient history, the
/// session locator, the practitioners' calendars and the sessions' products (the lot recall's index) inline, the schedule, audit trail and dashboard run by the async
/// daemon; the events append-only in the database.
/// </summary>
public static class ClinicMarten
{
    public const string DefaultSchema = "clinic";

    /// <summary>
    /// The store's connections. Npgsql prepares a statement on the connection after it has run it a few times: Marten's
    /// appends and loads are few statements run very often, and preparing them took its per-stream appends from 0.50 to
    /// 0.84 of the raw Npgsql floor here (docs/performance.md). A row too long to stay in its page as it is (about 2 KB:
    /// a patient's history soon is) is compressed with lz4 rather than PostgreSQL's default pglz, about a third of
    /// pglz's server instructions for the same size on a history of sealed values (docs/performance.md), when the server
    /// was built with lz4: one without it would refuse every connection asking for it.
    /// </summary>
    public static async Task<string> ForTheStoreAsync(string connectionString, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 };
        if (await CompressesWithLz4Async(connectionString, cancellationToken))
            settings.Options = $"{settings.Options} -c default_toast_compression=lz4".TrimStart();
        return settings.ConnectionString;
    }

    private static async Task<bool> CompressesWithLz4Async(string connectionString, CancellationToken cancellationToken)
    {
        await using var server = NpgsqlDataSource.Create(connectionString);
        await using var command = server.CreateCommand("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'");
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public static string SchemaOf(IConfiguration configuration) => configuration["Clinic:Schema"] ?? DefaultSchema;

    /// <summary>
    /// <c>Clinic:EventStore:PartitionByTenant</c>: the events and streams in one partition per clinic, each with its own
    /// event sequence, and the async projections run per clinic (docs/operations.md, Growth). Off by default.
    /// </summary>
    public static bool PartitionsByTenant(IConfiguration configuration) => configuration.GetValue("Clinic:EventStore:PartitionByTenant", false);

    public static StoreOptions Options(NpgsqlDataSource dataSource, string schema, PersonalKeys keys, bool partitionByTenant = false)
    {
        var options = new StoreOptions();
        options.Connection(dataSource);
        options.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = JasperFx.AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json => ConfigureSealedJson(json, keys));
        options.Policies.AllDocumentsAreMultiTenanted();
        options.Logger(SilentMartenLogger.Instance);
        // No retry inside Marten: a command runs in the transaction Wolverine opens for its handler, which a retried statement cannot
        // rejoin. A conflict is decided again by the bus; an unreachable database is 503, for the caller to retry.
        options.ConfigurePolly(_ => { });
        options.ConfigureWritePolly(_ => { });
        ConfigureEvents(options, partitionByTenant);
        ConfigureDocuments(options);
        ConfigureProjections(options, schema);
        options.Storage.Add(new AppendOnlyEvents(schema, options.Advanced.Migrator));
        options.Storage.Add(new EventChain(schema, options.Advanced.Migrator));
        options.Storage.Add(new PersonalKeysTable(schema, options.Advanced.Migrator));
        options.Listeners.Add(new PersonalKeysListener(keys));
        return options;
    }

    /// <summary>The stored JSON shape of events and documents: camelCase members, enums as kebab-case strings.</summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    /// <summary>
    /// What is stored is what a fold gives back: properties computed from others (a patient's active plan, her current
    /// screening, open side effects...) are left out, so a history is not written and read with copies of its own parts.
    /// </summary>
    public static void ConfigureStoredJson(JsonSerializerOptions json)
    {
        ConfigureJson(json);
        json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(LeaveOutComputedProperties);
    }

    /// <summary>The stored JSON with every personal value sealed under its patient's key (docs/event-store.md).</summary>
    public static void ConfigureSealedJson(JsonSerializerOptions json, PersonalKeys keys)
    {
        ConfigureStoredJson(json);
        AddSealing(json, keys);
    }

    /// <summary>Seals personal values in what <paramref name="json"/> writes, and opens them in what it reads.</summary>
    public static void AddSealing(JsonSerializerOptions json, PersonalKeys keys) =>
        json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(new PersonalDataSealing(new PersonalSeal(keys)).Modify);

    /// <summary>
    /// A property without a setter that no constructor parameter sets is computed from the others. (System.Text.Json's
    /// own <c>IgnoreReadOnlyProperties</c> still writes read-only collections.)
    /// </summary>
    private static void LeaveOutComputedProperties(JsonTypeInfo type)
    {
        foreach (var property in type.Properties.Where(property => property.Set is null && property.AssociatedParameter is null))
            property.ShouldSerialize = static (_, _) => false;
    }

    private static void ConfigureEvents(StoreOptions options, bool partitionByTenant)
    {
        var events = options.Events;
        events.StreamIdentity = StreamIdentity.AsGuid;
        events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
        // Timestamps taken in .NET (at PostgreSQL's microsecond precision) are the ones the inline projections see and
        // the ones stored: a rebuilt history is the live one. With server timestamps the two differ.
        events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        events.TimeProvider = MicrosecondClock.Instance;
        events.MetadataConfig.CorrelationIdEnabled = true;
        events.MetadataConfig.CausationIdEnabled = true;
        events.MetadataConfig.HeadersEnabled = true;
        events.UseTenantPartitionedEvents = partitionByTenant;
        foreach (var eventType in EventCatalog.All)
            events.MapEventType(eventType.ClrType, eventType.Name);
    }

    private static void ConfigureDocuments(StoreOptions options)
    {
        options.Schema.For<PatientHistory>();
        options.Schema.For<TimelineDocument>().Duplicate(d => d.PatientId);
        options.Schema.For<SessionLocator>();
        options.Schema.For<SessionProducts>().GinIndexJsonDataMember(d => d.Products);
        options.Schema.For<PractitionerCalendar>();
        options.Schema.For<ScheduleEntry>();
        options.Schema.For<AuditEntry>();
        options.Policies.ForAllDocuments(IndexPagedReads);
        options.Schema.For<AuditCounter>();
        options.Schema.For<DashboardTally>();
        options.Schema.For<TreatedSession>();
        options.Schema.For<DashboardSideEffect>();
        options.Schema.For<Http.IdempotencyRecord>();
    }

    /// <summary>
    /// The columns the schedule and the audit trail are filtered and ordered by, duplicated out of the JSON, and one index
    /// per read: the clinic first (every query of a conjoined tenant filters it), then the filter, then the order, so a
    /// practitioner's week or an audit page is one range of one index however long the history before it. (Marten's
    /// <c>Duplicate</c> would give each column an index of its own, which none of these reads uses.)
    /// </summary>
    private static void IndexPagedReads(DocumentMapping mapping)
    {
        if (mapping.DocumentType == typeof(ScheduleEntry))
            IndexByClinic(mapping, [nameof(ScheduleEntry.PractitionerId), nameof(ScheduleEntry.StartsAt)]);
        else if (mapping.DocumentType == typeof(AuditEntry))
            IndexByClinic(mapping,
                [nameof(AuditEntry.Position)],
                [nameof(AuditEntry.PatientId), nameof(AuditEntry.Position)],
                [nameof(AuditEntry.ActorId), nameof(AuditEntry.Position)],
                [nameof(AuditEntry.EventType), nameof(AuditEntry.Position)],
                [nameof(AuditEntry.RecordedAt)]);
    }

    /// <summary>An index on the clinic and then on the duplicated columns of <paramref name="members"/>, for each of <paramref name="indexes"/>.</summary>
    private static void IndexByClinic(DocumentMapping mapping, params string[][] indexes)
    {
        foreach (var members in indexes)
            mapping.AddIndex([StorageConstants.TenantIdColumn, .. members.Select(member => mapping.DuplicateField(member).ColumnName)]);
    }

    private static void ConfigureProjections(StoreOptions options, string schema)
    {
        var projections = options.Projections;
        projections.Add(new PatientHistoryProjection(), ProjectionLifecycle.Inline);
        projections.Add(new PatientTimelineProjection(), ProjectionLifecycle.Inline);
        projections.Add(new SessionLocatorProjection(), ProjectionLifecycle.Inline);
        projections.Add(new PractitionerCalendarProjection(), ProjectionLifecycle.Inline);
        projections.Add(new SessionProductsProjection(), ProjectionLifecycle.Inline);
        projections.Add(new ScheduleProjection(), ProjectionLifecycle.Async);
        projections.Add(new AuditTrailProjection(), ProjectionLifecycle.Async);
        projections.Add(new DashboardProjection(), ProjectionLifecycle.Async);
        // Advisory locks are per database, not per schema: stores in other schemas of one database (the tests') must not
        // take each other's daemon lock.
        options.Projections.DaemonLockId = DaemonLockIdFor(schema);
        // A hole in the sequence is waited for this long (with no live transaction that could fill it) before it is
        // skipped: a rolled-back append then delays the projections about 1.5 s instead of 4 s. The evidence check
        // (UseTransactionEvidenceForGapSkipping, on by default) is what keeps an append in flight from being skipped.
        options.Projections.StaleSequenceThreshold = TimeSpan.FromMilliseconds(500);
        // An idle daemon looks for new events twice a second, so an event reaches the async projections within a second.
        options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(500);
    }

    /// <summary>The system clock at PostgreSQL's precision.</summary>
    private sealed class MicrosecondClock : TimeProvider
    {
        public static readonly MicrosecondClock Instance = new();

        public override DateTimeOffset GetUtcNow()
        {
            return StoredTime.Of(System.GetUtcNow());
        }
    }

    /// <summary>The base of the daemon's advisory lock ids for the store in <paramref name="schema"/> (each async projection's lock is derived from it).</summary>
    public static int DaemonLockIdFor(string schema) =>
        BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("clinic-daemon:" + schema)), 0) & 0x3fffffff;
}
