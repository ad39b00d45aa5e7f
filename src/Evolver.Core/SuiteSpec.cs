namespace Evolver.Core;

/// <summary>A task suite: <c>suite.json</c> and its tasks.</summary>
public sealed record SuiteSpec
{
    /// <summary>Suite name.</summary>
    public required string Name { get; init; }

    /// <summary>Suite version; part of an evaluation's provenance.</summary>
    public required string Version { get; init; }

    /// <summary>What the suite contains.</summary>
    public string? Description { get; init; }

    /// <summary>Licence of the task data.</summary>
    public string? License { get; init; }

    /// <summary>Where the tasks come from.</summary>
    public string? Source { get; init; }

    /// <summary>The suite's folder.</summary>
    public required string Directory { get; init; }

    /// <summary>Tasks ordered by instance id.</summary>
    public required IReadOnlyList<TaskSpec> Tasks { get; init; }
}
