namespace Evolver.Core;

/// <summary>Whose task run a gateway grant serves, and the budgets its LLM calls count against.</summary>
/// <param name="RunId">The run (or evaluation) the task run belongs to.</param>
/// <param name="ChildId">The variant or child being evaluated.</param>
/// <param name="TaskId">The task.</param>
public sealed record GatewayScope(string RunId, string ChildId, string TaskId)
{
    /// <summary>
    /// The run's budget tracker, when <see cref="ChildId"/> is a running child of it: each call is checked against the
    /// run's and the child's <c>llm_tokens</c> and <c>dollars</c> budgets and counted there. Null: not counted (seeds, <c>eval</c>).
    /// </summary>
    public BudgetTracker? Budget { get; init; }

    /// <summary>Limits of this task run alone (<c>budgets.task.llm_tokens</c>, <c>budgets.task.dollars</c>).</summary>
    public BudgetLimits TaskLimits { get; init; } = BudgetLimits.None;
}
