using Clinic.Api.Commands;
using Clinic.Api.Messaging;
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
    public static void AddClinicWolverine(this WebApplicationBuilder builder)
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
            options.Durability.Mode = settings.DurabilityMode;
            options.Durability.ScheduledJobPollingTime = settings.ScheduledPollInterval;
            options.Durability.ScheduledJobFirstExecution = settings.ScheduledPollInterval;

            // A message that fails (a webhook down, a conflict on a busy stream) waits longer and longer between attempts,
            // then is dead-lettered. Commands invoked over HTTP are decided again by ClinicRequest instead: a retry inside
            // Wolverine's inline invocation would keep the failed attempt's outgoing messages.
            if (settings.RetryDelays() is { Length: > 0 } delays)
                options.OnException<Exception>().ScheduleRetry(delays).Then.MoveToErrorQueue();
            else
                options.OnException<Exception>().MoveToErrorQueue();

            // Production nodes load the handler code written ahead by `codegen write` (and compile only what is missing);
            // elsewhere it is generated at start.
            options.CodeGeneration.TypeLoadMode = production ? TypeLoadMode.Auto : TypeLoadMode.Dynamic;
            // Code generated at run time stays in memory: only `codegen write` writes files (into the project).
            options.CodeGeneration.SourceCodeWritingEnabled = false;
            options.UseRuntimeCompilation();
        });
    }
}
