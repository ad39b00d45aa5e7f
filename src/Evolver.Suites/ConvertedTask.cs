using Evolver.Core;

namespace Evolver.Suites;

/// <summary>What a format wrote into a task folder (repo/, hidden/) and the task.json fields it knows before any run.</summary>
internal sealed record ConvertedTask
{
    public required string ProblemStatement { get; init; }

    public required string Language { get; init; }

    public required string Image { get; init; }

    public required string TestCommand { get; init; }

    public required TestFormat TestFormat { get; init; }

    public required TaskTimeouts Timeouts { get; init; }

    public required string Source { get; init; }

    /// <summary>The reference fix as a unified diff against repo/.</summary>
    public required string GoldPatch { get; init; }
}
