return await Clinic.Api.Cli.ClinicHost.RunAsync(args);
