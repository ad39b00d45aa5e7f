using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Evolver.Cli;

/// <summary>
/// Flags of <c>evolver run</c> and <c>evolver resume</c> that override run config keys; each names the key it sets.
/// Values are checked by the config reader, so a bad flag value is reported like a bad config value.
/// </summary>
internal sealed class RunFlags
{
    private readonly List<(Option Option, Func<ParseResult, JsonNode?> Value, string Key)> flags = [];

    private RunFlags()
    {
    }

    public IEnumerable<Option> Options => flags.Select(f => f.Option);

    /// <summary>The budget and parallelism flags, which a resume may change too.</summary>
    public static RunFlags ForResume()
    {
        var flags = new RunFlags();
        flags.Add<int?>("--parallel", "N", "parallelism", "Children in progress at once, and task containers at once (config 'parallelism').", v => v);
        flags.Add<int?>("--iterations", "N", "budgets.run.iterations", "Stop after this many children (config 'budgets.run.iterations').", v => v);
        flags.Add<double?>("--wall-clock", "MINUTES", "budgets.run.wall_clock_minutes", "Stop after this many minutes of running (config 'budgets.run.wall_clock_minutes').", v => v);
        flags.Add<int?>("--task-runs", "N", "budgets.run.task_runs", "Stop after this many task runs (config 'budgets.run.task_runs').", v => v);
        flags.Add<long?>("--llm-tokens", "N", "budgets.run.llm_tokens", "Stop after this many LLM tokens (config 'budgets.run.llm_tokens').", v => v);
        flags.Add<double?>("--dollars", "USD", "budgets.run.dollars", "Stop after spending this much (config 'budgets.run.dollars').", v => v);
        return flags;
    }

    /// <summary>Every flag of <c>evolver run</c>.</summary>
    public static RunFlags ForRun()
    {
        var flags = ForResume();
        flags.Add<string?>("--archive", "DIR", "archive", "The archive folder (config 'archive'; default ./evolver-archive).", v => v);
        flags.AddList("--seed", "NAME|DIR", "seeds", "A seed agent: a name under archive/seeds/ or a folder; repeat for several (config 'seeds').");
        flags.AddList("--suite", "NAME|DIR", "suites", "A suite: quixbugs, polyglot-python, exercism-csharp, evolver, or a folder; repeat for several (config 'suites').");
        flags.Add<string[]?>("--mutator", "NAME[=WEIGHT]", "mutators", "A mutator, gp, llm or self, with an optional weight; repeat for several (config 'mutators').", MutatorList);
        flags.Add<string?>("--selector", "NAME", "selector.name", "The parent selector, e.g. dgm, hgm, map_elites (config 'selector.name').", v => v);
        flags.Add<string?>("--stages", "PLAN", "stages", "The stage plan: dgm, all or incremental (config 'stages').", v => v is null ? null : new JsonObject { ["plan"] = v });
        flags.Add<string?>("--admission", "POLICY", "admission.policy", "keep_all or keep_better (config 'admission.policy').", v => v);
        flags.Add<int?>("--rng-seed", "N", "rng_seed", "Seed of the run's random choices (config 'rng_seed').", v => v);
        flags.Add<int?>("--tasks-per-suite", "N", "tasks_per_suite", "Use only N tasks of each suite, picked by the run's seed (config 'tasks_per_suite').", v => v);
        flags.Add<int?>("--agent-timeout", "S", "agent_timeout_seconds", "Cap every task's agent time, in seconds (config 'agent_timeout_seconds').", v => v);
        return flags;
    }

    /// <summary>Sets the config key of every flag given on the command line.</summary>
    public void Apply(ParseResult result, JsonObject config, string workingDirectory)
    {
        foreach (var (option, value, key) in flags)
        {
            if (result.GetResult(option) is { Implicit: false } && value(result) is { } node)
            {
                RunConfig.Set(config, key, node, workingDirectory);
            }
        }
    }

    private static JsonNode? MutatorList(string[]? specs)
    {
        if (specs is null || specs.Length == 0)
        {
            return null;
        }

        var list = new JsonArray();
        foreach (var spec in specs)
        {
            var (name, weight) = spec.Split('=', 2) is [var n, var w] ? (n, w) : (spec, null);
            var entry = new JsonObject { ["name"] = name };
            entry["weight"] = weight is null ? 1
                : double.TryParse(weight, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
                : (JsonNode)weight;
            list.Add(entry);
        }

        return list;
    }

    private void Add<T>(string name, string helpName, string key, string description, Func<T?, JsonNode?> convert)
    {
        var option = new Option<T?>(name) { Description = description, HelpName = helpName };
        flags.Add((option, r => convert(r.GetValue(option)), key));
    }

    private void AddList(string name, string helpName, string key, string description) =>
        Add<string[]?>(name, helpName, key, description, v => v is null || v.Length == 0 ? null : new JsonArray([.. v.Select(s => (JsonNode)s)]));
}
