using System.Text.Json;
using System.Text.Json.Nodes;
using Evolver.Core;
using static Evolver.Cli.RunConfigReader;

namespace Evolver.Cli;

/// <summary>A run config read and validated: every value typed, every problem reported with its key.</summary>
internal sealed record RunSettings
{
    /// <summary>The mutators <c>mutators[].name</c> accepts.</summary>
    public static readonly IReadOnlyList<string> MutatorNames = ["gp", "llm", "self"];

    private static readonly string[] TopKeys =
    [
        "archive", "seeds", "suites", "tasks_per_suite", "mutators", "selector", "stages", "admission", "parallelism", "budgets", "rng_seed",
        "shuffle_tasks_per_child", "agent_timeout_seconds", "mutation_timeout_seconds", "build_timeout_seconds", "llm",
    ];

    private static readonly string[] SelectorKeys =
    [
        "name", "sharpness", "dgm_midpoint", "shinka_lambda", "power_law_alpha", "hgm_temperature", "novelty_neighbors", "novelty_weight",
        "novelty_distance", "map_elites_x", "map_elites_y", "map_elites_bins", "map_elites_x_range", "map_elites_y_range", "map_elites_elites_per_cell",
    ];

    private static readonly string[] References = ["parent", "best", "seed"];

    public required string ArchivePath { get; init; }

    public required IReadOnlyList<string> Seeds { get; init; }

    public required IReadOnlyList<string> Suites { get; init; }

    public int? TasksPerSuite { get; init; }

    public required IReadOnlyList<RunMutatorSpec> Mutators { get; init; }

    public required IParentSelector Selector { get; init; }

    public required StagePlan Stages { get; init; }

    public required AdmissionPolicy Admission { get; init; }

    public required int Parallelism { get; init; }

    public required BudgetOptions Budgets { get; init; }

    public required int RngSeed { get; init; }

    public bool ShuffleTasksPerChild { get; init; }

    public int? AgentTimeoutSeconds { get; init; }

    public required TimeSpan MutationTimeout { get; init; }

    public required TimeSpan BuildTimeout { get; init; }

    /// <summary>The <c>llm</c> key: provider settings for the llm mutator, or null.</summary>
    public JsonObject? Llm { get; init; }

    /// <summary>Validates <paramref name="config"/>; throws <see cref="RunConfigException"/> naming the first bad key.</summary>
    public static RunSettings Read(JsonObject config)
    {
        Object(config, "", TopKeys);
        var mutators = ReadMutators(config["mutators"]);
        var llm = config["llm"] is null ? null : Object(config["llm"], "llm", [.. ((JsonObject)config["llm"]!).Select(p => p.Key)]);
        if (mutators.Any(m => m.Name == "llm") && llm is null)
        {
            throw RunConfigException.At("llm", "must hold the provider settings (provider, base_url, model, api_key_variable) when the llm mutator is used");
        }

        return new RunSettings
        {
            ArchivePath = String(config["archive"], "archive"),
            Seeds = Strings(config["seeds"], "seeds", allowEmpty: true),
            Suites = Strings(config["suites"], "suites"),
            TasksPerSuite = Optional(config["tasks_per_suite"], n => Int(n, "tasks_per_suite", 1)),
            Mutators = mutators,
            Selector = ReadSelector(config["selector"]),
            Stages = ReadStages(config["stages"]),
            Admission = ReadAdmission(config["admission"]),
            Parallelism = Int(config["parallelism"], "parallelism", 1, CommonOptions.MaxParallel),
            Budgets = ReadBudgets(config["budgets"]),
            RngSeed = Int(config["rng_seed"], "rng_seed", int.MinValue),
            ShuffleTasksPerChild = Bool(config["shuffle_tasks_per_child"], "shuffle_tasks_per_child"),
            AgentTimeoutSeconds = Optional(config["agent_timeout_seconds"], n => Int(n, "agent_timeout_seconds", 1, 86_400)),
            MutationTimeout = TimeSpan.FromSeconds(Int(config["mutation_timeout_seconds"], "mutation_timeout_seconds", 1, 86_400)),
            BuildTimeout = TimeSpan.FromSeconds(Int(config["build_timeout_seconds"], "build_timeout_seconds", 1, 86_400)),
            Llm = llm,
        };
    }

    private static List<RunMutatorSpec> ReadMutators(JsonNode? node)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            throw RunConfigException.At("mutators", "must be a non-empty array of { \"name\", \"weight\", \"parents\", \"options\" }");
        }

        return [.. array.Select((m, i) =>
        {
            var key = $"mutators[{i}]";
            var obj = Object(m, key, ["name", "weight", "parents", "options"]);
            return new RunMutatorSpec(
                Choice(obj["name"], key + ".name", MutatorNames),
                obj["weight"] is null ? 1 : Double(obj["weight"], key + ".weight", 0, minExclusive: true),
                obj["parents"] is null ? 1 : Int(obj["parents"], key + ".parents", 1, 2),
                StringMap(obj["options"], key + ".options"));
        })];
    }

    private static IParentSelector ReadSelector(JsonNode? node)
    {
        var obj = Object(node, "selector", SelectorKeys);
        var name = Choice(obj["name"], "selector.name", ParentSelectors.Names);
        var defaults = new ParentSelectorOptions();
        double D(string k, double fallback) => obj[k] is null ? fallback : Double(obj[k], "selector." + k, double.MinValue);
        int I(string k, int fallback) => obj[k] is null ? fallback : Int(obj[k], "selector." + k, int.MinValue);
        string S(string k, string fallback) => obj[k] is null ? fallback : String(obj[k], "selector." + k);
        var options = new ParentSelectorOptions
        {
            Sharpness = D("sharpness", defaults.Sharpness),
            DgmMidpoint = D("dgm_midpoint", defaults.DgmMidpoint),
            ShinkaLambda = D("shinka_lambda", defaults.ShinkaLambda),
            PowerLawAlpha = D("power_law_alpha", defaults.PowerLawAlpha),
            HgmTemperature = D("hgm_temperature", defaults.HgmTemperature),
            NoveltyNeighbors = I("novelty_neighbors", defaults.NoveltyNeighbors),
            NoveltyWeight = D("novelty_weight", defaults.NoveltyWeight),
            NoveltyDistance = obj["novelty_distance"] is null
                ? defaults.NoveltyDistance
                : Enum.Parse<NoveltyDistance>(Choice(obj["novelty_distance"], "selector.novelty_distance", ["jaccard", "hamming"]), ignoreCase: true),
            MapElitesX = S("map_elites_x", defaults.MapElitesX),
            MapElitesY = S("map_elites_y", defaults.MapElitesY),
            MapElitesBins = I("map_elites_bins", defaults.MapElitesBins),
            MapElitesXRange = ReadRange(obj["map_elites_x_range"], "selector.map_elites_x_range"),
            MapElitesYRange = ReadRange(obj["map_elites_y_range"], "selector.map_elites_y_range"),
            MapElitesElitesPerCell = I("map_elites_elites_per_cell", defaults.MapElitesElitesPerCell),
        };
        try
        {
            return ParentSelectors.Create(name, options);
        }
        catch (ArgumentException e)
        {
            var key = e.ParamName is { } p ? JsonNamingPolicy.SnakeCaseLower.ConvertName(p) : "name";
            throw RunConfigException.At("selector." + key, e.Message);
        }
    }

    private static (double Min, double Max)? ReadRange(JsonNode? node, string key)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray { Count: 2 } pair)
        {
            throw RunConfigException.At(key, "must be [min, max]");
        }

        return (Double(pair[0], key + "[0]", double.MinValue), Double(pair[1], key + "[1]", double.MinValue));
    }

    private static StagePlan ReadStages(JsonNode? node)
    {
        var plan = Choice((node as JsonObject)?["plan"], "stages.plan", ["dgm", "all", "fixed", "incremental"]);
        switch (plan)
        {
            case "dgm":
                Object(node, "stages", ["plan"]);
                return StagePlan.Dgm;
            case "all":
                Object(node, "stages", ["plan"]);
                return StagePlan.All;
            case "fixed":
                var stages = Object(node, "stages", ["plan", "stages"])["stages"] as JsonArray
                    ?? throw RunConfigException.At("stages.stages", "must be an array of { \"name\", \"tasks\", \"continue_at\" }");
                var list = stages.Select((s, i) =>
                {
                    var key = $"stages.stages[{i}]";
                    var o = Object(s, key, ["name", "tasks", "continue_at"]);
                    return new EvaluationStage(
                        String(o["name"], key + ".name"), Int(o["tasks"], key + ".tasks", 1), o["continue_at"] is null ? 0 : Double(o["continue_at"], key + ".continue_at", 0, 1));
                }).ToList();
                try
                {
                    return StagePlan.Create(list);
                }
                catch (ArgumentException e)
                {
                    throw RunConfigException.At("stages.stages", e.Message);
                }

            default:
                var inc = Object(node, "stages", ["plan", "batch_size", "max_tasks", "z", "compare_against"]);
                var defaults = new IncrementalEvaluationOptions();
                return StagePlan.CreateIncremental(new IncrementalEvaluationOptions
                {
                    BatchSize = inc["batch_size"] is null ? defaults.BatchSize : Int(inc["batch_size"], "stages.batch_size", 1),
                    MaxTasks = inc.ContainsKey("max_tasks") ? Optional(inc["max_tasks"], n => Int(n, "stages.max_tasks", 1)) : defaults.MaxTasks,
                    Z = inc["z"] is null ? defaults.Z : Double(inc["z"], "stages.z", 0),
                    CompareAgainst = inc["compare_against"] is null ? defaults.CompareAgainst : Reference(inc["compare_against"], "stages.compare_against"),
                });
        }
    }

    private static AdmissionPolicy ReadAdmission(JsonNode? node)
    {
        var obj = Object(node, "admission", ["policy", "reference", "leeway"]);
        return AdmissionPolicy.Create(
            Choice(obj["policy"], "admission.policy", AdmissionPolicy.Names),
            obj["reference"] is null ? ScoreReference.Parent : Reference(obj["reference"], "admission.reference"),
            obj["leeway"] is null ? 0 : Double(obj["leeway"], "admission.leeway", 0, 1));
    }

    private static ScoreReference Reference(JsonNode? node, string key) => Enum.Parse<ScoreReference>(Choice(node, key, References), ignoreCase: true);

    private static BudgetOptions ReadBudgets(JsonNode? node)
    {
        var obj = Object(node, "budgets", ["run", "child", "task"]);
        return new BudgetOptions
        {
            Run = ReadLimits(obj["run"], "budgets.run", ["iterations", "wall_clock_minutes", "task_runs", "llm_tokens", "dollars"]),
            PerChild = ReadLimits(obj["child"], "budgets.child", ["wall_clock_minutes", "task_runs", "llm_tokens", "dollars"]),
            PerTask = ReadLimits(obj["task"], "budgets.task", ["wall_clock_minutes", "llm_tokens", "dollars"]),
        };
    }

    private static BudgetLimits ReadLimits(JsonNode? node, string key, string[] allowed)
    {
        if (node is null)
        {
            return BudgetLimits.None;
        }

        var obj = Object(node, key, allowed);
        return new BudgetLimits
        {
            Iterations = Optional(obj["iterations"], n => Int(n, key + ".iterations", 1)),
            WallClock = Optional(obj["wall_clock_minutes"], n => TimeSpan.FromMinutes(Double(n, key + ".wall_clock_minutes", 0, minExclusive: true))),
            TaskRuns = Optional(obj["task_runs"], n => Int(n, key + ".task_runs", 1)),
            LlmTokens = Optional(obj["llm_tokens"], n => Long(n, key + ".llm_tokens", 1)),
            Dollars = Optional(obj["dollars"], n => Double(n, key + ".dollars", 0, minExclusive: true)),
        };
    }
}
