using Clinic.Api.Database;
using Clinic.Api.Privacy;
using Clinic.Benchmarks.Ledger;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using JasperFx;
using JasperFx.MultiTenancy;
using Weasel.Core;

namespace Clinic.Benchmarks;

/// <summary>
/// Marten configured as the application configures it (mirrors <see cref="ClinicMarten.Options"/>: keep the two in
/// step), with the ledger's events and balance document in place of the clinic's.
/// </summary>
public static class BenchMarten
{
    /// <param name="balance">How the ledger balance projection runs in this store; null: not registered.</param>
    /// <param name="chained">Whether each event is hashed into its stream's chain as it is inserted, as the application's are.</param>
    public static StoreOptions Options(NpgsqlDataSource dataSource, string schema, ProjectionLifecycle? balance, bool chained)
    {
        var options = new StoreOptions();
        options.Connection(dataSource);
        options.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, ClinicMarten.ConfigureStoredJson);
        options.Policies.AllDocumentsAreMultiTenanted();
        ConfigureEvents(options);
        options.Schema.For<LedgerBalance>().DocumentAlias(LedgerBalance.Alias).Duplicate(b => b.Owner).Duplicate(b => b.Balance);
        if (balance is { } lifecycle)
            options.Projections.Add(new LedgerBalanceProjection(), lifecycle);
        if (chained)
            options.Storage.Add(new EventChain(schema, options.Advanced.Migrator));
        return options;
    }

    /// <summary>The clinic store's patients' keys in <paramref name="schema"/>, for <see cref="ClinicMarten.Options"/>.</summary>
    public static PersonalKeys Keys(NpgsqlDataSource dataSource, string schema) =>
        new(dataSource, schema, TimeProvider.System, PersonalKeys.DefaultCacheTtl);

    private static void ConfigureEvents(StoreOptions options)
    {
        var events = options.Events;
        events.StreamIdentity = StreamIdentity.AsGuid;
        events.TenancyStyle = TenancyStyle.Conjoined;
        events.AppendMode = EventAppendMode.Quick;
        events.MetadataConfig.CorrelationIdEnabled = true;
        events.MetadataConfig.CausationIdEnabled = true;
        events.MetadataConfig.HeadersEnabled = true;
        foreach (var (name, type) in LedgerEventTypes.ByName)
            events.MapEventType(type, name);
    }
}
