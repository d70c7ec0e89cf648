return await Clinic.Api.Cli.ClinicHost.RunAsync(args, Console.Out, Console.Error);
