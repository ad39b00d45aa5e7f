namespace Evolver.Core;

/// <summary>
/// The evolution loop: evaluates the seeds, then repeatedly selects parents, mutates, builds, evaluates in stages and
/// archives children, several at a time, until a budget ends the run. The run state (config, generator state,
/// counters, jobs in flight, budget counts, history) is saved in the store before each job starts and after each ends,
/// so a run killed at any moment resumes with <see cref="ResumeAsync"/>: a job the store already holds is not redone,
/// and one it does not hold is redone from its saved plan.
/// </summary>
public sealed class EvolutionLoop
{
    private readonly EvolutionOptions options;
    private readonly IVariantStore store;
    private readonly ISandbox sandbox;
    private readonly IChildBuilder builder;
    private readonly TimeProvider time;
    private readonly IProgress<RunEvent>? events;
    private readonly Dictionary<Task<ChildResult>, LiveChild> running = [];
    private readonly Lock liveGate = new();
    private RunBook? book;
    private BudgetTracker? budget;

    /// <summary>Creates a loop; nothing runs until <see cref="StartAsync"/> or <see cref="ResumeAsync"/>.</summary>
    /// <param name="options">The run's settings; validated here.</param>
    /// <param name="store">The archive.</param>
    /// <param name="sandbox">Runs and scores agents.</param>
    /// <param name="builder">Compiles agents.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="events">Receives what happens, for the run's log; null for none.</param>
    public EvolutionLoop(EvolutionOptions options, IVariantStore store, ISandbox sandbox, IChildBuilder builder, TimeProvider timeProvider, IProgress<RunEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.sandbox = sandbox ?? throw new ArgumentNullException(nameof(sandbox));
        this.builder = builder ?? throw new ArgumentNullException(nameof(builder));
        time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.events = events;
    }

    /// <summary>
    /// Starts a new run in a store that holds none, and runs it until a budget ends it, it fails, or
    /// <paramref name="cancellationToken"/> interrupts it. Returns the final state. Throws
    /// <see cref="InvalidOperationException"/> when the store already holds a run.
    /// </summary>
    public async Task<RunState> StartAsync(CancellationToken cancellationToken)
    {
        if (await store.ReadRunStateAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new InvalidOperationException("The archive already holds a run; continue it with resume, or start a new run in another archive.");
        }

        if (options.Seeds.Count == 0 && store.Statuses().Count == 0)
        {
            throw new InvalidOperationException("The run has no seed and the archive holds no admitted variant to start from.");
        }

        book = RunBook.New(options.RngSeed, store.NextSequence(), time.GetUtcNow());
        budget = new BudgetTracker(options.Budgets, time);
        var statuses = store.Statuses();
        if (statuses.Count > 0)
        {
            // An archive that holds variants (e.g. from `evolver init`) is the starting population: its pending
            // variants are evaluated as seeds, and the configured seeds are not added beside them.
            foreach (var id in statuses.Where(s => s.Value == VariantStatus.Pending).Select(s => s.Key).Order(StringComparer.Ordinal))
            {
                book.InFlight.Add(new ChildPlan { Id = id, Kind = ChildKind.Seed, TaskSeed = options.RngSeed });
            }

            Report(new RunEvent(RunEventKind.RunStarted, $"the archive holds {statuses.Count} variant(s): the run starts from them and adds no seed"));
        }
        else
        {
            // Seeds run the tasks in the order children do (unless children shuffle), so their scores compare.
            book.InFlight.AddRange(options.Seeds.Select(seed => new ChildPlan
            {
                Id = seed.Id, Kind = ChildKind.Seed, SourceDirectory = seed.SourceDirectory, TaskSeed = options.RngSeed,
            }));
        }

        return await RunAsync([.. book.InFlight], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Continues the run the store holds: jobs it had in flight are brought up to date from the store or redone from
    /// their plans, and the generator, counters and budgets continue from their saved values. Throws
    /// <see cref="InvalidOperationException"/> when the store holds no run or a finished one.
    /// </summary>
    public async Task<RunState> ResumeAsync(CancellationToken cancellationToken)
    {
        var json = await store.ReadRunStateAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The archive holds no run to resume; start one with run.");
        var state = RunState.Parse(json);
        if (state.Status == RunStatus.Finished)
        {
            throw new InvalidOperationException($"The run in the archive has finished ({state.EndedBy}); nothing to resume.");
        }

        book = RunBook.From(state);
        book.Error = null;
        budget = state.Budget is { } saved ? BudgetTracker.Restore(options.Budgets, time, saved.GetRawText()) : new BudgetTracker(options.Budgets, time);
        var redo = new List<ChildPlan>();
        foreach (var plan in state.InFlight)
        {
            if (store.Contains(plan.Id) && store.GetVariant(plan.Id).Evaluation is { Status: not VariantStatus.Pending } done)
            {
                // Archived just before the crash, which came before the state could say so.
                var entry = Recovered(plan, done, "archived before an interruption");
                book.Finish(entry);
                if (plan.Kind == ChildKind.Child)
                {
                    budget.FinishChild(plan.Id);
                }

                Report(new RunEvent(RunEventKind.ChildRecovered, $"{plan.Id}: already archived ({done.Status}, score {done.Score:0.###})") { ChildId = plan.Id, Entry = entry });
            }
            else
            {
                redo.Add(plan);
                Report(new RunEvent(RunEventKind.ChildRedone, $"{plan.Id}: interrupted before it was archived; redone from its plan") { ChildId = plan.Id });
            }
        }

        return await RunAsync(redo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The run at this moment, for a progress view; null before the run starts.</summary>
    public RunSnapshot? Snapshot()
    {
        if (book is null || budget is null)
        {
            return null;
        }

        List<RunningChild> live;
        lock (liveGate)
        {
            live = [.. running.Values.Select(l => l.Snapshot()).OrderBy(r => r.Id, StringComparer.Ordinal)];
        }

        return book.Snapshot(live, budget, options.Budgets);
    }

    private async Task<RunState> RunAsync(IReadOnlyList<ChildPlan> redo, CancellationToken cancellationToken)
    {
        var runBook = book!;
        var tracker = budget!;
        Directory.CreateDirectory(options.WorkDirectory);
        var ctx = new LoopContext(options, store, sandbox, builder, tracker, time, events);
        var planner = new ChildPlanner(options, store, tracker, runBook);
        var worker = new ChildWorker(ctx);
        var queue = new Queue<ChildPlan>(redo);
        runBook.Sessions++;
        runBook.Status = RunStatus.Running;
        await SaveAsync().ConfigureAwait(false);
        Report(new RunEvent(RunEventKind.RunStarted, $"run {runBook.RunId} session {runBook.Sessions}: {queue.Count} job(s) to (re)do, iteration {runBook.Iterations}"));

        var stopStarting = false;
        var harnessStreak = 0;
        var heartbeat = Task.Delay(options.SaveInterval, time, CancellationToken.None);
        while (true)
        {
            while (!stopStarting && !cancellationToken.IsCancellationRequested && RunningCount() < options.Parallelism)
            {
                if (!queue.TryDequeue(out var plan))
                {
                    var step = planner.Next(RunningCount() > 0);
                    if (step.Plan is null)
                    {
                        stopStarting = step.Reason != "wait";
                        if (step.Reason == "no-candidates")
                        {
                            runBook.Error = "no admitted variant to pick a parent from (did every seed fail to compile?)";
                        }

                        break;
                    }

                    plan = step.Plan;
                    await SaveAsync().ConfigureAwait(false);
                }

                Start(plan, worker, cancellationToken);
            }

            Task[] waiting;
            lock (liveGate)
            {
                if (running.Count == 0)
                {
                    break;
                }

                waiting = [.. running.Keys, heartbeat];
            }

            var done = await Task.WhenAny(waiting).ConfigureAwait(false);
            if (done == heartbeat)
            {
                heartbeat = Task.Delay(options.SaveInterval, time, CancellationToken.None);
                await SaveAsync().ConfigureAwait(false);
                continue;
            }

            var job = (Task<ChildResult>)done;
            LiveChild live;
            lock (liveGate)
            {
                live = running[job];
                running.Remove(job);
            }

            try
            {
                var result = await job.ConfigureAwait(false);
                runBook.Finish(result.Entry);
                if (live.Plan.Kind == ChildKind.Child)
                {
                    tracker.FinishChild(live.Plan.Id);
                }

                harnessStreak = result.AllHarnessErrors ? harnessStreak + 1 : 0;
                Report(new RunEvent(RunEventKind.ChildFinished, Describe(result.Entry)) { ChildId = live.Plan.Id, Entry = result.Entry });
                if (harnessStreak >= options.HarnessFailureLimit)
                {
                    stopStarting = true;
                    runBook.Error = $"{harnessStreak} jobs in a row got nothing but harness errors: the sandbox is failing (see the run log)";
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Interrupted: the job stays in flight and a resume redoes it.
            }
            catch (Exception e)
            {
                // Archiving failed (or a bug): stop cleanly with the job still in flight, so a resume redoes it.
                stopStarting = true;
                runBook.Error ??= $"{live.Plan.Id}: {e.GetType().Name}: {e.Message}";
                Report(new RunEvent(RunEventKind.Warning, $"{live.Plan.Id} failed: {e}") { ChildId = live.Plan.Id });
            }

            await SaveAsync().ConfigureAwait(false);
        }

        runBook.Status = cancellationToken.IsCancellationRequested ? RunStatus.Interrupted
            : runBook.Error is not null ? RunStatus.Failed
            : RunStatus.Finished;
        runBook.EndedBy = runBook.Status == RunStatus.Finished ? tracker.EndedBy : null;
        var final = await SaveAsync().ConfigureAwait(false);
        Report(new RunEvent(RunEventKind.RunEnded, runBook.Status switch
        {
            RunStatus.Finished => $"run finished: budget {runBook.EndedBy} used up",
            RunStatus.Interrupted => "run interrupted; resume it to continue",
            _ => "run failed: " + runBook.Error,
        }));
        return final;
    }

    private void Start(ChildPlan plan, ChildWorker worker, CancellationToken cancellationToken)
    {
        var live = new LiveChild(plan, time);
        lock (liveGate)
        {
            // Task.Run: the first await of a job must not hold up the loop starting the next one.
            running.Add(Task.Run(() => worker.RunAsync(plan, live, cancellationToken), CancellationToken.None), live);
        }

        var from = plan.Parents.Count == 0 ? plan.SourceDirectory : string.Join(" + ", plan.Parents);
        Report(new RunEvent(RunEventKind.ChildStarted, plan.Kind == ChildKind.Seed
            ? $"{plan.Id}: evaluating seed {from}"
            : $"{plan.Id}: iteration {plan.Iteration}, {plan.Mutator} from {from}") { ChildId = plan.Id });
    }

    private int RunningCount()
    {
        lock (liveGate)
        {
            return running.Count;
        }
    }

    private async Task<RunState> SaveAsync()
    {
        var state = book!.ToState(options.Config, budget!.SaveState(), time.GetUtcNow());

        // Not cancellable: an interrupted run still records where it stopped.
        await store.WriteRunStateAsync(state.ToJson(), CancellationToken.None).ConfigureAwait(false);
        return state;
    }

    private RunHistoryEntry Recovered(ChildPlan plan, EvaluationRecord evaluation, string note) =>
        RunHistoryEntry.Of(plan, evaluation, note, budget?.Usage.Elapsed ?? TimeSpan.Zero);

    private static string Describe(RunHistoryEntry e) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{e.Id}: {e.Status}, score {e.Score:0.###} ({e.Resolved}/{e.Tasks}), {e.Note}");

    private void Report(RunEvent e) => events?.Report(e);
}
