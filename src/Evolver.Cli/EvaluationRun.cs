using Evolver.Core;
using Serilog;

namespace Evolver.Cli;

/// <summary>One agent evaluated on tasks of one suite, with live progress and the log lines that go with it.</summary>
internal static class EvaluationRun
{
    /// <summary>Evaluates <paramref name="agent"/> on <paramref name="tasks"/> under a progress bar.</summary>
    public static async Task<EvaluationReport> RunAsync(
        CliEnvironment env,
        ILogger log,
        ISandbox sandbox,
        SuiteSpec suite,
        IReadOnlyList<TaskSpec> tasks,
        AgentArtifact agent,
        int parallel,
        CancellationToken cancellationToken,
        ITaskGateway? gateway = null)
    {
        log.Information("Evaluating {Agent} on {Count} tasks of {Suite} {Version}, {Parallel} at a time", agent.Name, tasks.Count, suite.Name, suite.Version, parallel);
        var evaluator = new SuiteEvaluator(sandbox, env.Time, gateway);
        var report = await EvaluationView.RunAsync(
            env.Console,
            $"{agent.Name} on {suite.Name}",
            tasks.Count,
            progress => evaluator.EvaluateAsync(suite, tasks, agent, parallel, new CallbackProgress<EvaluationProgress>(e =>
            {
                if (e.Result is { } r)
                {
                    log.Information(
                        "Task {Task}: {Outcome} in {Seconds:F1} s: {Reason}", r.InstanceId, r.Outcome, r.Duration.TotalSeconds, r.Reason);
                }

                progress.Report(e);
            }), cancellationToken)).ConfigureAwait(false);
        log.Information("{Summary}", EvaluationView.Summary(report));
        return report;
    }
}
