namespace Evolver.Core;

/// <summary>
/// Evaluates one agent on one task: solve in one container, score the diff in another. With a gateway, a program agent
/// gets its own grant for the solve phase, revoked before scoring, and the result carries what it used.
/// </summary>
public sealed class TaskEvaluator(ISandbox sandbox, TimeProvider timeProvider, ITaskGateway? gateway = null)
{
    /// <summary>Solves and scores <paramref name="task"/>. Never throws for a misbehaving agent.</summary>
    public Task<TaskResult> EvaluateAsync(TaskSpec task, AgentArtifact agent, CancellationToken cancellationToken) =>
        EvaluateAsync(task, agent, null, cancellationToken);

    /// <summary>
    /// Solves and scores <paramref name="task"/>, with the gateway's grant scoped by <paramref name="scope"/> (null: the
    /// agent's name and the task's id, counted against no budget). Never throws for a misbehaving agent.
    /// </summary>
    public async Task<TaskResult> EvaluateAsync(TaskSpec task, AgentArtifact agent, GatewayScope? scope, CancellationToken cancellationToken)
    {
        var start = timeProvider.GetTimestamp();
        SolveResult solve;
        GatewayUsage? llm = null;
        if (gateway is not null && agent.Kind == AgentKind.Program)
        {
            var grant = gateway.Open(scope ?? new GatewayScope(agent.Name, agent.Name, task.InstanceId));
            try
            {
                solve = await sandbox.SolveAsync(task, agent with { Gateway = grant }, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Revoked before scoring, whatever happened: the token dies with the agent's run.
                llm = gateway.Close(grant);
            }
        }
        else
        {
            solve = await sandbox.SolveAsync(task, agent, cancellationToken).ConfigureAwait(false);
        }

        if (solve.Status == AgentStatus.HarnessError)
        {
            return Result(TaskOutcome.HarnessError, solve.Reason, solve, null, null);
        }

        var agentEnd = Describe(solve);
        if (string.IsNullOrWhiteSpace(solve.Patch))
        {
            // An unchanged repository cannot turn a FAIL_TO_PASS test green; skip the scoring container.
            return Result(TaskOutcome.NoChange, Join(agentEnd, "no change to the repository"), solve, null, null);
        }

        var score = await sandbox.ScoreAsync(task, solve.Patch, cancellationToken).ConfigureAwait(false);
        switch (score.Status)
        {
            case ScoreStatus.PatchFailed:
                return Result(TaskOutcome.PatchFailed, Join(agentEnd, score.Reason), solve, score, null);
            case ScoreStatus.HarnessError:
                return Result(TaskOutcome.HarnessError, score.Reason, solve, score, null);
        }

        var verdict = ScoreVerdict.Judge(task, score.Tests);
        if (verdict.Resolved)
        {
            return Result(TaskOutcome.Resolved, Join(agentEnd, verdict.Explain()), solve, score, verdict);
        }

        var outcome = score.Status == ScoreStatus.TimedOut ? TaskOutcome.TestTimeout : TaskOutcome.Unresolved;
        var why = score.Status == ScoreStatus.TimedOut ? Join(score.Reason, verdict.Explain()) : verdict.Explain();
        return Result(outcome, Join(agentEnd, why), solve, score, verdict);

        TaskResult Result(TaskOutcome o, string reason, SolveResult s, ScoreResult? sc, ScoreVerdict? v) => new()
        {
            InstanceId = task.InstanceId,
            Outcome = o,
            Reason = reason,
            Solve = s,
            Score = sc,
            Verdict = v,
            Llm = llm,
            Duration = timeProvider.GetElapsedTime(start),
        };
    }

    private static string Describe(SolveResult solve) => solve.Status switch
    {
        AgentStatus.Completed => "",
        _ => solve.Reason,
    };

    private static string Join(string a, string b) =>
        string.IsNullOrEmpty(a) ? b : string.IsNullOrEmpty(b) ? a : a + "; " + b;
}
