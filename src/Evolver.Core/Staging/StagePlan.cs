namespace Evolver.Core;

/// <summary>
/// How a child is evaluated in stages: fixed stages with resolve-rate thresholds (DGM), or HGM-style incremental
/// batches with an early stop. Pure: <see cref="Decide"/> looks only at the outcomes so far, so a resumed run asks it
/// again with what the archive holds and gets the same answer.
/// </summary>
public sealed class StagePlan
{
    private StagePlan(IReadOnlyList<EvaluationStage> stages, IncrementalEvaluationOptions? incremental)
    {
        Stages = stages;
        Incremental = incremental;
    }

    /// <summary>DGM's plan: <c>screen</c>, 10 tasks, and on to <c>full</c>, 50 more, when at least 40% are resolved.</summary>
    public static StagePlan Dgm { get; } = Create([new EvaluationStage("screen", 10, 0.4), new EvaluationStage("full", 50)]);

    /// <summary>One stage, <c>full</c>, running every task of the suite: no early stop.</summary>
    public static StagePlan All { get; } = Create([new EvaluationStage("full", int.MaxValue)]);

    /// <summary>The fixed stages, in order; empty for an incremental plan.</summary>
    public IReadOnlyList<EvaluationStage> Stages { get; }

    /// <summary>The incremental settings, or null for a plan of fixed stages.</summary>
    public IncrementalEvaluationOptions? Incremental { get; }

    /// <summary>A plan of fixed stages. Throws <see cref="ArgumentException"/> on an empty list, a stage of no tasks,
    /// a threshold outside 0..1, or a repeated or empty name.</summary>
    /// <param name="stages">The stages, in order.</param>
    public static StagePlan Create(IReadOnlyList<EvaluationStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Count == 0)
        {
            throw new ArgumentException("A stage plan needs at least one stage.", nameof(stages));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            if (string.IsNullOrWhiteSpace(stage.Name) || !names.Add(stage.Name))
            {
                throw new ArgumentException($"Stage names must be non-empty and unique; '{stage.Name}' is not.", nameof(stages));
            }

            if (stage.Tasks < 1)
            {
                throw new ArgumentException($"Stage '{stage.Name}' must run at least one task.", nameof(stages));
            }

            if (!(stage.ContinueAt is >= 0 and <= 1))
            {
                throw new ArgumentException($"Stage '{stage.Name}' has threshold {stage.ContinueAt}; it must be between 0 and 1.", nameof(stages));
            }
        }

        return new StagePlan([.. stages], null);
    }

    /// <summary>An incremental plan; throws <see cref="ArgumentException"/> on bad options.</summary>
    /// <param name="options">Batch size, task cap and stop rule.</param>
    public static StagePlan CreateIncremental(IncrementalEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new StagePlan([], options);
    }

    /// <summary>
    /// The same tasks with no early stop: every threshold 0 (an incremental plan stops only below its reference, which a
    /// seed's is not given, so it is returned as it is). Seeds are evaluated this way: they are the reference every child
    /// is compared with, so they run every task a child could reach.
    /// </summary>
    public StagePlan WithoutEarlyStop() =>
        Incremental is null ? new StagePlan([.. Stages.Select(s => s with { ContinueAt = 0 })], null) : this;

    /// <summary>
    /// The next step of a child's evaluation, given the outcomes of the tasks run so far in the child's task order.
    /// Throws <see cref="ArgumentException"/> when more outcomes are given than the plan runs.
    /// </summary>
    /// <param name="resolved">Whether each task run so far was resolved, in run order.</param>
    /// <param name="tasksAvailable">How many tasks the suite has.</param>
    /// <param name="reference">
    /// The score to beat for an incremental plan (the one its <see cref="IncrementalEvaluationOptions.CompareAgainst"/>
    /// names); fixed stages ignore it.
    /// </param>
    public StageDecision Decide(IReadOnlyList<bool> resolved, int tasksAvailable, double reference = 0)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentOutOfRangeException.ThrowIfNegative(tasksAvailable);
        var segments = Segments(tasksAvailable);
        var planned = segments.Count == 0 ? 0 : segments[^1].End;
        if (resolved.Count > planned)
        {
            throw new ArgumentException($"{resolved.Count} outcomes given, but the plan runs {planned} tasks.", nameof(resolved));
        }

        var records = new List<StageRecord>();
        var resolvedSoFar = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var (name, start, end, threshold) = segments[i];
            var done = Math.Min(resolved.Count, end) - start;
            var resolvedHere = resolved.Skip(start).Take(done).Count(r => r);
            resolvedSoFar += resolvedHere;
            if (resolved.Count < end)
            {
                if (done > 0)
                {
                    records.Add(new StageRecord(name, done, resolvedHere, Passed: false));
                }

                return new StageDecision { StopReason = StageStopReason.None, NextTasks = end - resolved.Count, NextStage = i, Stages = records };
            }

            var passed = Incremental is { } incremental
                ? WilsonBound.Upper(resolvedSoFar, end, incremental.Z) >= reference
                : (double)resolvedSoFar / end >= threshold;
            records.Add(new StageRecord(name, end - start, resolvedHere, passed));
            if (i == segments.Count - 1)
            {
                break;
            }

            if (!passed)
            {
                var reason = Incremental is null ? StageStopReason.BelowThreshold : StageStopReason.CannotBeatReference;
                return new StageDecision { StopReason = reason, Stages = records };
            }
        }

        return new StageDecision { StopReason = StageStopReason.Completed, Stages = records };
    }

    /// <summary>
    /// The order a child runs its tasks in: the ids sorted, then shuffled by <paramref name="seed"/>, so the same seed
    /// gives the same order whatever order the suite lists them in. Passing the run's seed for every child gives all
    /// children the same screening tasks, as DGM's fixed subsets do, which keeps their screen scores comparable.
    /// </summary>
    /// <param name="taskIds">The suite's task ids.</param>
    /// <param name="seed">The seed of the shuffle.</param>
    public static IReadOnlyList<string> OrderTasks(IReadOnlyList<string> taskIds, int seed)
    {
        ArgumentNullException.ThrowIfNull(taskIds);
        var order = taskIds.Order(StringComparer.Ordinal).ToArray();

        // Fisher–Yates written out rather than Random.Shuffle, whose draws the runtime does not promise to keep.
        var random = new Random(seed);
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>Each stage's task range [Start, End) for a suite of <paramref name="available"/> tasks; empty stages dropped.</summary>
    private List<(string Name, int Start, int End, double Threshold)> Segments(int available)
    {
        var segments = new List<(string, int, int, double)>();
        if (Incremental is { } incremental)
        {
            var limit = Math.Min(incremental.MaxTasks ?? available, available);
            for (var start = 0; start < limit; start += incremental.BatchSize)
            {
                segments.Add(($"batch-{segments.Count + 1}", start, Math.Min(start + incremental.BatchSize, limit), 0));
            }

            return segments;
        }

        var position = 0;
        foreach (var stage in Stages)
        {
            var end = (int)Math.Min((long)position + stage.Tasks, available);
            if (end > position)
            {
                segments.Add((stage.Name, position, end, stage.ContinueAt));
            }

            position = end;
        }

        return segments;
    }
}
