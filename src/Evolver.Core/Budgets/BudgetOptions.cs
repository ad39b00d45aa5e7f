namespace Evolver.Core;

/// <summary>
/// The budgets of a run: limits for the whole run, for each child and for each task run. A limit is reached when the
/// usage is at or above it; LLM calls are checked before and counted after, so one call can overshoot its limit.
/// Budget names, as <see cref="BudgetCheck.Budget"/> reports them, are <c>&lt;scope&gt;.&lt;limit&gt;</c> with scope
/// <c>run</c>, <c>child</c> or <c>task</c> and limit <c>iterations</c>, <c>wall_clock</c>, <c>task_runs</c>,
/// <c>llm_tokens</c> or <c>dollars</c>, e.g. <c>run.dollars</c>. Unlimited by default.
/// </summary>
public sealed class BudgetOptions
{
    /// <summary>Limits of the whole run.</summary>
    public BudgetLimits Run { get; init; } = BudgetLimits.None;

    /// <summary>Limits of each child, from mutation to its last task run; no <see cref="BudgetLimits.Iterations"/>.</summary>
    public BudgetLimits PerChild { get; init; } = BudgetLimits.None;

    /// <summary>Limits of each task run; no <see cref="BudgetLimits.Iterations"/> or <see cref="BudgetLimits.TaskRuns"/>.</summary>
    public BudgetLimits PerTask { get; init; } = BudgetLimits.None;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first budget that is not positive or not meaningful in its scope.</summary>
    public void Validate()
    {
        Check(Run, "run");
        Check(PerChild, "child");
        Check(PerTask, "task");
        if (PerChild.Iterations is not null)
        {
            throw new ArgumentException("child.iterations is not a budget: iterations are counted per run.", nameof(PerChild));
        }

        if (PerTask.Iterations is not null || PerTask.TaskRuns is not null)
        {
            throw new ArgumentException("task.iterations and task.task_runs are not budgets: a task run is one run.", nameof(PerTask));
        }
    }

    private static void Check(BudgetLimits limits, string scope)
    {
        ArgumentNullException.ThrowIfNull(limits, scope);
        Require(limits.Iterations is null or > 0, scope, "iterations");
        Require(limits.WallClock is null || limits.WallClock > TimeSpan.Zero, scope, "wall_clock");
        Require(limits.TaskRuns is null or > 0, scope, "task_runs");
        Require(limits.LlmTokens is null or > 0, scope, "llm_tokens");
        Require(limits.Dollars is not { } d || (double.IsFinite(d) && d > 0), scope, "dollars");
    }

    private static void Require(bool condition, string scope, string name)
    {
        if (!condition)
        {
            throw new ArgumentException($"{scope}.{name} must be positive when set.", scope);
        }
    }
}
