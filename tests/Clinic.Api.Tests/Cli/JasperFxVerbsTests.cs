using Clinic.Api.Cli;
using Clinic.Testing;
using Npgsql;

namespace Clinic.Api.Tests.Cli;

/// <summary>JasperFx's verbs, shipped by Marten and Wolverine, on the same command line as the clinic's own.</summary>
public class JasperFxVerbsTests
{
    [Fact]
    public async Task Db_apply_creates_the_whole_schema_of_a_new_database_with_the_events_guard_and_wolverines_tables()
    {
        var schema = TestDatabase.UniqueSchema();
        using var output = new StringWriter();

        var exitCode = await ClinicHost.RunAsync(
            ["db-apply", $"--ConnectionStrings:Clinic={await TestDatabase.ConnectionStringAsync()}", $"--Clinic:Schema={schema}", "--environment", "Development"],
            output, TextWriter.Null);

        exitCode.ShouldBe(0, output.ToString());
        (await CountAsync("SELECT count(*) FROM pg_tables WHERE schemaname = $1 AND tablename IN ('mt_events', 'mt_streams', 'wolverine_incoming_envelopes', 'wolverine_dead_letters')", schema))
            .ShouldBe(4);
        (await CountAsync("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND t.tgname = 'mt_events_append_only'", schema))
            .ShouldBe(1);
    }

    private static async Task<long> CountAsync(string sql, string schema)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
