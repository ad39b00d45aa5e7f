namespace Evolver.Core;

/// <summary>Whose task run a gateway grant serves, and the budgets its LLM calls count against.</summary>
/// <param name="RunId">The run (or evaluation) the task run belongs to.</param>
/// <param name="ChildId">The variant or child being evaluated.</param>
/// <param name="TaskId">The task.</param>
public sealed record GatewayScope(string RunId, string ChildId, string TaskId)
{
    /// <summary>
    /// The run's budget tracker: each call is checked against the run's <c>llm_tokens</c> and <c>dollars</c> budgets and
    /// counted there, and against the child's too when <see cref="ChildBudgets"/> is set. Null: the gateway's own
    /// totals count it (<c>eval</c>).
    /// </summary>
    public BudgetTracker? Budget { get; init; }

    /// <summary>
    /// Whether <see cref="ChildId"/> is a running child of <see cref="Budget"/>, whose child budgets apply (default).
    /// False for a seed: it is no child of the run, but what it spends is the run's spend, so the run's budgets apply.
    /// </summary>
    public bool ChildBudgets { get; init; } = true;

    /// <summary>Limits of this task run alone (<c>budgets.task.llm_tokens</c>, <c>budgets.task.dollars</c>).</summary>
    public BudgetLimits TaskLimits { get; init; } = BudgetLimits.None;
}
