using System.CommandLine;

namespace Evolver.Cli;

/// <summary><c>evolver mutate</c>: makes one child of archived parents with a mutator, validates it and archives it.</summary>
internal static class MutateCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = ArchiveAccess.ArchiveOption();
        var json = ArchiveAccess.JsonOption();
        var parents = new Option<string[]>("--parent")
        {
            Description = "A parent variant's id; give it twice (two different ids) for a gp crossover.",
            Required = true,
            HelpName = "id",
        };
        parents.Validators.Add(r =>
        {
            if (r.Tokens.Count > 2)
            {
                r.AddError($"--parent: at most two parents, got {r.Tokens.Count}");
            }
        });
        var mutator = new Option<string>("--mutator") { Description = "The mutator.", Required = true, HelpName = string.Join("|", MutateMutators.Names) };
        mutator.AcceptOnlyFromAmong(MutateMutators.Names);
        var seed = new Option<int>("--seed") { Description = "Seeds the mutation's random choices (the same seed and parents give the same gp child).", DefaultValueFactory = _ => 0, HelpName = "N" };
        var config = new Option<string?>("--config") { Description = "A JSON config file; its \"llm\" section (provider, base_url, model, api_key_variable) is what the llm mutator talks to.", HelpName = "FILE" };
        var options = new Option<string[]>("--option") { Description = "A mutator-specific setting passed with the request, e.g. operators=literal,condition; repeat for several.", HelpName = "KEY=VALUE" };
        options.Validators.Add(r =>
        {
            foreach (var token in r.Tokens.Where(t => t.Value.IndexOf('=', StringComparison.Ordinal) <= 0))
            {
                r.AddError($"--option: '{token.Value}' is not KEY=VALUE");
            }
        });

        var command = new Command(
            "mutate",
            "Make a child of archived parents with the gp, llm or self mutator, validate it, and archive it (pending evaluation, or a failed attempt with its reason; exit 1 then).")
        {
            archive, parents, mutator, seed, config, options, json,
        };
        command.SetAction((r, ct) => MutateRun.RunAsync(
            env,
            new MutateRequestArgs(
                r.GetValue(archive)!,
                r.GetRequiredValue(parents),
                r.GetRequiredValue(mutator),
                r.GetValue(seed),
                r.GetValue(config),
                (r.GetValue(options) ?? []).Select(o => o.Split('=', 2)).GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal),
                r.GetValue(json)),
            ct));
        return command;
    }
}
