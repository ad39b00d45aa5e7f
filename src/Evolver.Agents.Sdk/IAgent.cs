namespace Evolver.Agents.Sdk;

/// <summary>A coding agent: given a task, it changes the repository and reports.</summary>
public interface IAgent
{
    /// <summary>Works on the task. <paramref name="cancellationToken"/> fires shortly before the deadline.</summary>
    Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken);
}
