namespace Evolver.Core;

/// <summary>Runs agents and scores their diffs in isolation.</summary>
public interface ISandbox
{
    /// <summary>Runs <paramref name="agent"/> on <paramref name="task"/> in a fresh container without the hidden tests.</summary>
    Task<SolveResult> SolveAsync(TaskSpec task, AgentArtifact agent, CancellationToken cancellationToken);

    /// <summary>Scores <paramref name="patch"/> in a second fresh container: clean repository, patch, hidden tests.</summary>
    Task<ScoreResult> ScoreAsync(TaskSpec task, string patch, CancellationToken cancellationToken);
}
