using Evolver.Core;

namespace Evolver.Cli;

/// <summary>The SWE-bench harness check of one suite: <c>gold</c> must resolve every task and <c>empty</c> none.</summary>
/// <param name="Suite">The suite.</param>
/// <param name="Gold">The gold agent's evaluation.</param>
/// <param name="Empty">The empty agent's evaluation.</param>
internal sealed record SuiteValidation(SuiteSpec Suite, EvaluationReport Gold, EvaluationReport Empty)
{
    /// <summary>Gold resolved every task and empty resolved none.</summary>
    public bool Passed => Offending.Count == 0;

    /// <summary>Tasks that break the rule, each with the agent and its reason.</summary>
    public IReadOnlyList<(string Agent, TaskResult Result)> Offending =>
        Gold.Results.Where(r => !r.Resolved).Select(r => ("gold", r))
            .Concat(Empty.Results.Where(r => r.Resolved).Select(r => ("empty", r)))
            .ToList();
}
