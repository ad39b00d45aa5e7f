namespace Evolver.Core;

/// <summary>One SWE-style task, loaded from <c>tasks/&lt;instance_id&gt;/task.json</c> of a suite.</summary>
public sealed record TaskSpec
{
    /// <summary>Unique id within the suite.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Markdown issue text: the only task description the agent gets.</summary>
    public required string ProblemStatement { get; init; }

    /// <summary>Language of the repository, for example <c>python</c> or <c>csharp</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Sandbox image family, for example <c>evolver-python</c>.</summary>
    public required string Image { get; init; }

    /// <summary>Shell command run from the repository root in the scoring container.</summary>
    public required string TestCommand { get; init; }

    /// <summary>How per-test results are read.</summary>
    public required TestFormat TestFormat { get; init; }

    /// <summary>Tests that fail before the fix and must pass after it.</summary>
    public required IReadOnlyList<string> FailToPass { get; init; }

    /// <summary>Tests that pass before the fix and must still pass.</summary>
    public required IReadOnlyList<string> PassToPass { get; init; }

    /// <summary>Paths inside <c>repo/</c> the agent may run as tests.</summary>
    public IReadOnlyList<string> VisibleTests { get; init; } = [];

    /// <summary>Agent and test wall-clock limits.</summary>
    public TaskTimeouts Timeouts { get; init; } = new();

    /// <summary>Provenance and licence of the task.</summary>
    public string? Source { get; init; }

    /// <summary>The task's folder.</summary>
    public required string Directory { get; init; }

    /// <summary>The repository as the agent gets it.</summary>
    public string RepoDirectory => Path.Combine(Directory, "repo");

    /// <summary>Hidden test files laid over the repository when scoring; may not exist.</summary>
    public string HiddenDirectory => Path.Combine(Directory, "hidden");

    /// <summary>The reference fix, or null when the task has none.</summary>
    public string? GoldPatchPath => File.Exists(Path.Combine(Directory, "gold.patch")) ? Path.Combine(Directory, "gold.patch") : null;
}
