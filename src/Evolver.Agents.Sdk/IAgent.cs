namespace Evolver.Agents.Sdk;

/// <summary>A coding agent: given a task, it changes the repository and reports.</summary>
public interface IAgent
{
    /// <summary>Works on the task. <paramref name="cancellationToken"/> fires shortly before the deadline.</summary>
    Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Where the agent's time went, by the constants that budget it; <see cref="AgentHost"/> writes it into the report
    /// (<see cref="AgentReport.Profile"/>) however the run ends. Null, the default, reports none.
    /// </summary>
    TimeProfile? Profile => null;
}
