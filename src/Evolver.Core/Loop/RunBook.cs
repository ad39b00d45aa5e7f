using System.Text.Json;

namespace Evolver.Core;

/// <summary>The run's mutable state while it runs; <see cref="ToState"/> turns it into the <see cref="RunState"/> saved in the archive.</summary>
internal sealed class RunBook
{
    private RunBook(RunState state)
    {
        RunId = state.RunId;
        RngSeed = state.RngSeed;
        Rng = Xoshiro256.Restore(state.Rng);
        Random = new RunRandom(Rng);
        NextSequence = state.NextSequence;
        Iterations = state.Iterations;
        InFlight = [.. state.InFlight];
        History = [.. state.History];
        StartedAt = state.StartedAt;
        Sessions = state.Sessions;
        Status = state.Status;
        EndedBy = state.EndedBy;
        Error = state.Error;
    }

    public Lock Gate { get; } = new();

    public string RunId { get; }

    public int RngSeed { get; }

    public Xoshiro256 Rng { get; }

    public RunRandom Random { get; }

    public long NextSequence { get; set; }

    public long Iterations { get; set; }

    public List<ChildPlan> InFlight { get; }

    public List<RunHistoryEntry> History { get; }

    public DateTimeOffset StartedAt { get; }

    public int Sessions { get; set; }

    public RunStatus Status { get; set; }

    public string? EndedBy { get; set; }

    public string? Error { get; set; }

    public static RunBook New(int rngSeed, long nextSequence, DateTimeOffset now) => new(new RunState
    {
        RunId = Guid.NewGuid().ToString("N")[..12],
        Status = RunStatus.Running,
        RngSeed = rngSeed,
        Rng = Xoshiro256.FromSeed(rngSeed).SaveState(),
        NextSequence = nextSequence,
        StartedAt = now,
    });

    public static RunBook From(RunState state) => new(state);

    public RunState ToState(JsonElement? config, string budgetJson, DateTimeOffset now)
    {
        lock (Gate)
        {
            using var budget = JsonDocument.Parse(budgetJson);
            return new RunState
            {
                RunId = RunId,
                Status = Status,
                EndedBy = EndedBy,
                Error = Error,
                Config = config,
                RngSeed = RngSeed,
                Rng = Rng.SaveState(),
                NextSequence = NextSequence,
                Iterations = Iterations,
                InFlight = [.. InFlight],
                Budget = budget.RootElement.Clone(),
                History = [.. History],
                StartedAt = StartedAt,
                UpdatedAt = now,
                Sessions = Sessions,
            };
        }
    }

    /// <summary>Moves a finished job from in flight to the history.</summary>
    public void Finish(RunHistoryEntry entry)
    {
        lock (Gate)
        {
            InFlight.RemoveAll(p => p.Id == entry.Id);
            History.Add(entry);
        }
    }

    /// <summary>The run at this moment, with the jobs in <paramref name="running"/>.</summary>
    public RunSnapshot Snapshot(IReadOnlyList<RunningChild> running, BudgetTracker budget, BudgetOptions budgets)
    {
        lock (Gate)
        {
            var usage = budget.Usage;
            return new RunSnapshot
            {
                Status = Status,
                Iterations = Iterations,
                Finished = History.Count,
                Best = RunProgressMath.Best(History),
                SeedScore = RunProgressMath.SeedScore(History),
                Running = running,
                Usage = usage,
                Budgets = budgets,
                Eta = RunProgressMath.Eta(usage, budgets.Run, History.Count(h => h.Kind == ChildKind.Child)),
            };
        }
    }
}
