namespace Evolver.Core;

/// <summary>What an evolution run does: its seeds, tasks, mutators, selection, evaluation, admission and budgets.</summary>
public sealed class EvolutionOptions
{
    /// <summary>The seed agents, evaluated and archived first (generation 0). At least one, unless the archive already holds admitted variants.</summary>
    public IReadOnlyList<SeedAgent> Seeds { get; init; } = [];

    /// <summary>The suites whose tasks children are evaluated on; at least one, with at least one task in all.</summary>
    public IReadOnlyList<SuiteSpec> Suites { get; init; } = [];

    /// <summary>The mutators, picked by weight for each child; at least one.</summary>
    public IReadOnlyList<MutatorChoice> Mutators { get; init; } = [];

    /// <summary>How parents are picked from the admitted variants. Default <c>dgm</c>.</summary>
    public IParentSelector Selector { get; init; } = ParentSelectors.Create("dgm");

    /// <summary>How each child is evaluated in stages. Default <see cref="StagePlan.Dgm"/>.</summary>
    public StagePlan Stages { get; init; } = StagePlan.Dgm;

    /// <summary>Which evaluated children join the parent pool. Default <c>keep_all</c>.</summary>
    public AdmissionPolicy Admission { get; init; } = AdmissionPolicy.KeepAll;

    /// <summary>Children in progress at once, and task runs (containers) at once over all of them. Default 2.</summary>
    public int Parallelism { get; init; } = 2;

    /// <summary>
    /// The LLM gateway agents reach during their task runs, or null for none. Each task run of a child is checked against
    /// and counted in the run's and the child's <c>llm_tokens</c> and <c>dollars</c> budgets, and capped by
    /// <c>budgets.task</c>; seeds' task runs only by the task budgets. Exchanges are archived with the variant's logs.
    /// </summary>
    public ITaskGateway? Gateway { get; init; }

    /// <summary>The run's budgets. Default unlimited (then only Ctrl+C ends the run).</summary>
    public BudgetOptions Budgets { get; init; } = new();

    /// <summary>Seeds the run's random generator: parent picks, mutator picks, mutation seeds and the task order. Default 1.</summary>
    public int RngSeed { get; init; } = 1;

    /// <summary>
    /// When true each child runs the tasks in its own random order; when false (the default) every child runs them in
    /// the same order, from <see cref="RngSeed"/>, so screening scores compare like for like, as DGM's fixed subsets do.
    /// </summary>
    public bool ShuffleTasksPerChild { get; init; }

    /// <summary>Longest a mutation may take before the child is recorded as failed. Default 10 minutes.</summary>
    public TimeSpan MutationTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest a build may take before the child is recorded as failed. Default 5 minutes.</summary>
    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Time a task run may take beyond its own agent and test time limits before the loop gives up on the sandbox and
    /// records a harness error. Default 2 minutes.
    /// </summary>
    public TimeSpan TaskGrace { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The run stops (failed) after this many children in a row whose every task ended in a harness error: the sandbox
    /// is broken, and going on would only burn the budget. Default 3.
    /// </summary>
    public int HarnessFailureLimit { get; init; } = 3;

    /// <summary>How often the run state is saved while nothing else saves it, so its clock and heartbeat stay current. Default 30 s.</summary>
    public TimeSpan SaveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where children's working folders go (parents' sources, the child's source and build); created if missing.</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "evolver-run");

    /// <summary>Measures numeric descriptors of an agent's source folder (e.g. its syntax-tree size) for <c>map_elites</c>; null for none.</summary>
    public Func<string, IReadOnlyDictionary<string, double>>? Descriptors { get; init; }

    /// <summary>The run's configuration as its owner wrote it, saved in the run state for a resume; null for none.</summary>
    public System.Text.Json.JsonElement? Config { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is missing or out of range.</summary>
    public void Validate()
    {
        Require(Suites.Count > 0, nameof(Suites), "must name at least one suite");
        Require(Suites.Sum(s => s.Tasks.Count) > 0, nameof(Suites), "must hold at least one task");
        Require(Suites.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() == Suites.Count, nameof(Suites), "must have distinct names");
        Require(Mutators.Count > 0, nameof(Mutators), "must name at least one mutator");
        foreach (var m in Mutators)
        {
            Require(m.Mutator is not null, nameof(Mutators), "must not hold a null mutator");
            Require(double.IsFinite(m.Weight) && m.Weight > 0, nameof(Mutators), $"weight of '{m.Mutator?.Name}' must be positive");
            Require(m.Parents is 1 or 2, nameof(Mutators), $"parents of '{m.Mutator?.Name}' must be 1 or 2");
        }

        Require(Selector is not null, nameof(Selector), "must be set");
        Require(Stages is not null, nameof(Stages), "must be set");
        Require(Admission is not null, nameof(Admission), "must be set");
        Require(Parallelism is >= 1 and <= 64, nameof(Parallelism), "must be from 1 to 64");
        Require(Budgets is not null, nameof(Budgets), "must be set");
        Budgets!.Validate();
        Require(MutationTimeout > TimeSpan.Zero, nameof(MutationTimeout), "must be positive");
        Require(BuildTimeout > TimeSpan.Zero, nameof(BuildTimeout), "must be positive");
        Require(TaskGrace >= TimeSpan.Zero, nameof(TaskGrace), "must not be negative");
        Require(HarnessFailureLimit >= 1, nameof(HarnessFailureLimit), "must be at least 1");
        Require(SaveInterval > TimeSpan.Zero, nameof(SaveInterval), "must be positive");
        Require(!string.IsNullOrWhiteSpace(WorkDirectory), nameof(WorkDirectory), "must be set");
        Require(Seeds.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() == Seeds.Count, nameof(Seeds), "must have distinct ids");
        foreach (var seed in Seeds)
        {
            Require(Directory.Exists(seed.SourceDirectory), nameof(Seeds), $"folder {seed.SourceDirectory} of seed '{seed.Id}' does not exist");
        }
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {message}.", name);
        }
    }
}
