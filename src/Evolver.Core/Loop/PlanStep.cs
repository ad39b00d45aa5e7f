namespace Evolver.Core;

/// <summary>What the planner says: a child to start, or why there is none.</summary>
/// <param name="Plan">The child's plan, or null.</param>
/// <param name="Reason">Why there is no plan: <c>wait</c> (no parent yet, seeds still running), <c>budget</c> or <c>no-candidates</c>.</param>
internal sealed record PlanStep(ChildPlan? Plan, string? Reason = null)
{
    public static PlanStep Wait { get; } = new(null, "wait");

    public static PlanStep BudgetEnd { get; } = new(null, "budget");

    public static PlanStep NoCandidates { get; } = new(null, "no-candidates");
}
