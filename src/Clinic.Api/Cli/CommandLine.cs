namespace Clinic.Api.Cli;

/// <summary>
/// Splits the command line into a verb (the first argument, when it is not an option), the verb's
/// own options, and the rest, which configures the host as usual (--urls, --Key=value ...).
/// </summary>
public sealed record CommandLine(string? Verb, IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> Positional, string[] HostArguments)
{
    public static CommandLine Parse(string[] args, IReadOnlyCollection<string> verbOptions)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
            return new CommandLine(null, new Dictionary<string, string>(), [], args);

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i].TrimStart('-');
            if (args[i].StartsWith("--") && verbOptions.Contains(name, StringComparer.OrdinalIgnoreCase))
                options[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : "true";
            else if (args[i].StartsWith('-'))
                host.Add(args[i]);
            else if (host.Count > 0 && !host[^1].Contains('='))
                host.Add(args[i]);
            else
                positional.Add(args[i]);
        }
        return new CommandLine(args[0], options, positional, host.ToArray());
    }

    public string Required(string option) =>
        Options.TryGetValue(option, out var value) ? value : throw new CommandLineException($"--{option} is required.");
}
