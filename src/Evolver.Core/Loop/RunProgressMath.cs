namespace Evolver.Core;

/// <summary>Figures derived from a run's history and usage: the best variant, the seed's score, the ETA.</summary>
internal static class RunProgressMath
{
    /// <summary>The admitted variant with the highest score (the earliest on ties), or null.</summary>
    public static RunHistoryEntry? Best(IEnumerable<RunHistoryEntry> history) =>
        history.Where(h => h.Admitted).Aggregate((RunHistoryEntry?)null, (best, h) => best is null || h.Score > best.Score ? h : best);

    /// <summary>The best score of an evaluated seed, or null.</summary>
    public static double? SeedScore(IEnumerable<RunHistoryEntry> history)
    {
        var seeds = history.Where(h => h.Kind == ChildKind.Seed && h.Status == VariantStatus.Evaluated).ToList();
        return seeds.Count == 0 ? null : seeds.Max(s => s.Score);
    }

    /// <summary>
    /// The time left to the nearest budget the run can measure a pace against: its iterations (children finished so
    /// far per elapsed time), its wall clock, or its task runs; null when no such budget is set or no pace is known yet.
    /// </summary>
    public static TimeSpan? Eta(BudgetUsage usage, BudgetLimits run, int childrenFinished)
    {
        var elapsed = usage.Elapsed.TotalSeconds;
        var estimates = new List<double>();
        if (run.WallClock is { } wall)
        {
            estimates.Add(wall.TotalSeconds - elapsed);
        }

        if (run.Iterations is { } iterations && childrenFinished > 0 && elapsed > 0)
        {
            estimates.Add((iterations - childrenFinished) * elapsed / childrenFinished);
        }

        if (run.TaskRuns is { } taskRuns && usage.TaskRuns > 0 && elapsed > 0)
        {
            estimates.Add((taskRuns - usage.TaskRuns) * elapsed / usage.TaskRuns);
        }

        return estimates.Count == 0 ? null : TimeSpan.FromSeconds(Math.Max(0, estimates.Min()));
    }
}
