namespace Evolver.Core;

/// <summary>What every worker of a run shares.</summary>
internal sealed class LoopContext
{
    public LoopContext(EvolutionOptions options, IVariantStore store, ISandbox sandbox, IChildBuilder builder, BudgetTracker budget, TimeProvider time, IProgress<RunEvent>? events)
    {
        Options = options;
        Store = store;
        Builder = builder;
        Budget = budget;
        Time = time;
        Events = events;
        Evaluator = new TaskEvaluator(sandbox, time, options.Gateway);
        Catalog = new TaskCatalog(options.Suites);
        Slots = new SemaphoreSlim(options.Parallelism, options.Parallelism);
    }

    public EvolutionOptions Options { get; }

    public IVariantStore Store { get; }

    public IChildBuilder Builder { get; }

    public BudgetTracker Budget { get; }

    public TimeProvider Time { get; }

    public TaskEvaluator Evaluator { get; }

    public TaskCatalog Catalog { get; }

    /// <summary>Task runs at once over all jobs: one container each.</summary>
    public SemaphoreSlim Slots { get; }

    private IProgress<RunEvent>? Events { get; }

    public void Report(RunEvent e) => Events?.Report(e);
}
