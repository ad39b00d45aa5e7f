using Evolver.Core;

namespace Evolver.Gateway;

/// <summary>
/// Checks each call against the task's, the child's and the run's <c>llm_tokens</c> and <c>dollars</c> budgets, and
/// counts what it used: in the run's <see cref="BudgetTracker"/> when the scope names one, else in the gateway's own
/// totals against <see cref="GatewayOptions.Budgets"/>. Calls are checked before and counted after, so one call may
/// overshoot a limit, as the run's budgets do.
/// </summary>
internal sealed class GatewayMeter(BudgetOptions budgets)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (long Tokens, double Dollars)> children = new(StringComparer.Ordinal);
    private long runTokens;
    private double runDollars;

    /// <summary>The budget that refuses another call of <paramref name="session"/>, e.g. <c>task.llm_tokens</c>, or null.</summary>
    public string? Check(GatewaySession session)
    {
        var scope = session.Scope;
        if (Reached("task", session.Tokens, session.Dollars, TaskTokens(scope, budgets), Min(scope.TaskLimits.Dollars, budgets.PerTask.Dollars)) is { } task)
        {
            return task;
        }

        if (scope.Budget is { } tracker)
        {
            return tracker.CanCallLlm(scope.ChildBudgets ? scope.ChildId : null).Budget;
        }

        lock (gate)
        {
            var child = children.GetValueOrDefault(scope.ChildId);
            return Reached("child", child.Tokens, child.Dollars, budgets.PerChild.LlmTokens, budgets.PerChild.Dollars)
                ?? Reached("run", runTokens, runDollars, budgets.Run.LlmTokens, budgets.Run.Dollars);
        }
    }

    /// <summary>Counts a call's usage against the child and the run (the task's is the session's own count).</summary>
    public void Count(GatewaySession session, long tokens, double dollars)
    {
        var scope = session.Scope;
        if (scope.Budget is { } tracker)
        {
            tracker.RecordLlmUsage(scope.ChildBudgets ? scope.ChildId : null, null, tokens, dollars);
            return;
        }

        lock (gate)
        {
            var child = children.GetValueOrDefault(scope.ChildId);
            children[scope.ChildId] = (child.Tokens + tokens, child.Dollars + dollars);
            runTokens += tokens;
            runDollars += dollars;
        }
    }

    /// <summary>The task run's <c>llm_tokens</c> budget: the lower of its scope's and the gateway's, or null.</summary>
    public static long? TaskTokens(GatewayScope scope, BudgetOptions budgets) => Min(scope.TaskLimits.LlmTokens, budgets.PerTask.LlmTokens);

    private static string? Reached(string scope, long tokens, double dollars, long? tokenLimit, double? dollarLimit) =>
        tokens >= tokenLimit ? scope + ".llm_tokens" : dollars >= dollarLimit ? scope + ".dollars" : null;

    private static T? Min<T>(T? a, T? b)
        where T : struct, IComparable<T> =>
        a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) <= 0 ? a : b;
}
