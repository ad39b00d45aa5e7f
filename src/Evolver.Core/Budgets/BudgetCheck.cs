namespace Evolver.Core;

/// <summary>The answer to "may I start this?": allowed, or the name of the budget that is used up.</summary>
/// <param name="Budget">The used-up budget, e.g. <c>run.wall_clock</c> or <c>child.task_runs</c>; null when allowed.</param>
public readonly record struct BudgetCheck(string? Budget)
{
    /// <summary>Allowed.</summary>
    public static BudgetCheck Ok => default;

    /// <summary>True when no budget is in the way.</summary>
    public bool Allowed => Budget is null;

    /// <summary>True when the budget in the way is a run budget, so the run is over.</summary>
    public bool EndsRun => Budget?.StartsWith("run.", StringComparison.Ordinal) == true;
}
