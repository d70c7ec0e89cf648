using Clinic.Api.Commands;
using Clinic.Api.Database;
using Clinic.Api.Messaging;
using Clinic.Api.Privacy;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using JasperFx.CodeGeneration;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Clinic.Api.Hosting;

/// <summary>
/// Wolverine runs every command and message: commands invoked in-process by the endpoints, timers and notifications
/// from its durable local queues, each handler's Marten session committed with the messages it returns (its outbox),
/// scheduled messages kept in the database, failed messages retried and then dead-lettered.
/// </summary>
internal static class WolverineSetup
{
    public static void AddClinicWolverine(this WebApplicationBuilder builder, PersonalKeys keys, ClusterSettings cluster)
    {
        var settings = MessagingSettings.From(builder.Configuration);
        var production = builder.Environment.IsProduction();
        builder.Host.UseWolverine(options =>
        {
            options.ApplicationAssembly = typeof(WolverineSetup).Assembly;
            options.ServiceName = "clinic";
            options.Policies.ForwardHandledTypes(new HandledByInterface(
                typeof(IPatientCommand), typeof(IPractitionerCommand), typeof(IClinicCommand), typeof(ISessionBookingCommand)));
            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            // Messages kept in the inbox, the scheduled store and the dead letters hold personal values sealed, as Marten's.
            options.UseSystemTextJsonForSerialization(json => ClinicMarten.AddSealing(json, keys));
            options.Durability.Mode = settings.DurabilityMode;
            options.Durability.ScheduledJobPollingTime = settings.ScheduledPollInterval;
            options.Durability.ScheduledJobFirstExecution = settings.ScheduledPollInterval;
            cluster.ApplyTo(options.Durability);

            // A command decided on a stream that moved meanwhile is decided again on the fresh state, a few times (each
            // attempt sends only its own messages: Workflow tests), then its caller gets the conflict (409 over HTTP), and
            // a timer joins the back-off below.
            var conflicts = options.OnException(ConcurrencyConflicts.Are);
            var afterConflicts = settings.ConcurrencyRetries > 0 ? conflicts.RetryTimes(settings.ConcurrencyRetries).Then : conflicts;
            // A message that fails (a webhook down) waits longer and longer between attempts, then is dead-lettered.
            var delays = settings.RetryDelays();
            if (delays.Length > 0)
            {
                afterConflicts.ScheduleRetry(delays).Then.MoveToErrorQueue();
                options.OnException<Exception>().ScheduleRetry(delays).Then.MoveToErrorQueue();
            }
            else
            {
                afterConflicts.MoveToErrorQueue();
                options.OnException<Exception>().MoveToErrorQueue();
            }

            // Production nodes load the handler code written ahead by `codegen write` (and compile only what is missing);
            // elsewhere it is generated at start.
            options.CodeGeneration.TypeLoadMode = production ? TypeLoadMode.Auto : TypeLoadMode.Dynamic;
            // Code generated at run time stays in memory: only `codegen write` writes files (into the project).
            options.CodeGeneration.SourceCodeWritingEnabled = false;
            options.UseRuntimeCompilation();
        });
    }
}
