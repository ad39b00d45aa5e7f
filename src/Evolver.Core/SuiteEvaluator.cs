namespace Evolver.Core;

/// <summary>Evaluates an agent on many tasks, several at a time; through <paramref name="gateway"/> when one is given.</summary>
public sealed class SuiteEvaluator(ISandbox sandbox, TimeProvider timeProvider, ITaskGateway? gateway = null)
{
    /// <summary>Evaluates <paramref name="agent"/> on <paramref name="tasks"/> of <paramref name="suite"/>.</summary>
    /// <param name="suite">The suite the tasks belong to.</param>
    /// <param name="tasks">The tasks to run.</param>
    /// <param name="agent">The agent.</param>
    /// <param name="parallelism">How many tasks run at once; at least 1.</param>
    /// <param name="progress">Receives an event when each task starts and ends.</param>
    /// <param name="cancellationToken">Stops the evaluation.</param>
    public async Task<EvaluationReport> EvaluateAsync(
        SuiteSpec suite,
        IReadOnlyList<TaskSpec> tasks,
        AgentArtifact agent,
        int parallelism,
        IProgress<EvaluationProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var startedAt = timeProvider.GetUtcNow();
        var start = timeProvider.GetTimestamp();
        var evaluator = new TaskEvaluator(sandbox, timeProvider, gateway);
        var results = new TaskResult[tasks.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, tasks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                progress?.Report(new EvaluationProgress(tasks[i].InstanceId, null));
                results[i] = await evaluator.EvaluateAsync(tasks[i], agent, ct).ConfigureAwait(false);
                progress?.Report(new EvaluationProgress(tasks[i].InstanceId, results[i]));
            }).ConfigureAwait(false);

        return new EvaluationReport
        {
            Agent = agent.Name,
            Suite = suite.Name,
            SuiteVersion = suite.Version,
            Results = results,
            StartedAt = startedAt,
            Duration = timeProvider.GetElapsedTime(start),
        };
    }
}
