using Clinic.Api.Tests.Support;
using Clinic.Testing;
using Npgsql;

namespace Clinic.Api.Tests.Cli;

/// <summary>One command line, JasperFx's: the clinic's verbs beside those Marten and Wolverine ship.</summary>
public class JasperFxVerbsTests
{
    [Fact]
    public async Task Help_lists_the_clinics_verbs_and_jasperfxs()
    {
        var run = await CliRun.RunAsync("help");

        run.ExitCode.ShouldBe(0, run.Output + run.Errors);
        foreach (var verb in new[] { "dev-token", "seed-demo", "dead-letters", "projection-progress", "run", "projections", "db-apply", "db-assert", "codegen", "resources", "describe" })
            run.OutputLines.ShouldContain(line => line.StartsWith(verb + " "), verb);
    }

    [Fact]
    public async Task An_unknown_verb_or_flag_is_refused()
    {
        var verb = await CliRun.RunAsync("rebuild", "--all");
        var flag = await CliRun.RunAsync("dead-letters", "--replay-every");

        verb.ExitCode.ShouldNotBe(0);
        flag.ExitCode.ShouldNotBe(0);
        flag.Output.ShouldContain("Invalid usage");
    }

    [Fact]
    public async Task Db_apply_creates_the_whole_schema_of_a_new_database_with_the_events_guard_and_wolverines_tables()
    {
        var schema = TestDatabase.UniqueSchema();

        var run = await CliRun.RunAsync("db-apply", $"--config:ConnectionStrings:Clinic={await TestDatabase.ConnectionStringAsync()}",
            $"--config:Clinic:Schema={schema}", "--environment", "Development");

        run.ExitCode.ShouldBe(0, run.Output + run.Errors);
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
