namespace Evolver.Core;

/// <summary>The evaluation of one agent on a set of tasks of one suite.</summary>
public sealed record EvaluationReport
{
    /// <summary>The agent's name.</summary>
    public required string Agent { get; init; }

    /// <summary>The suite's name.</summary>
    public required string Suite { get; init; }

    /// <summary>The suite's version.</summary>
    public required string SuiteVersion { get; init; }

    /// <summary>Per-task results, in task order.</summary>
    public required IReadOnlyList<TaskResult> Results { get; init; }

    /// <summary>When the evaluation started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall-clock time of the whole evaluation.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>How many tasks were resolved.</summary>
    public int ResolvedCount => Results.Count(r => r.Resolved);

    /// <summary>Resolved share, 0 to 1; 0 for no tasks.</summary>
    public double Score => Results.Count == 0 ? 0 : (double)ResolvedCount / Results.Count;
}
