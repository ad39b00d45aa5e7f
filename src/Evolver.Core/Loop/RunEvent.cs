namespace Evolver.Core;

/// <summary>Something that happened in a run, for its log.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Message">A line for people.</param>
public sealed record RunEvent(RunEventKind Kind, string Message)
{
    /// <summary>The job concerned, if any.</summary>
    public string? ChildId { get; init; }

    /// <summary>For <see cref="RunEventKind.ChildFinished"/>: the job's history entry.</summary>
    public RunHistoryEntry? Entry { get; init; }

    /// <summary>For <see cref="RunEventKind.TaskFinished"/>: the task's record.</summary>
    public TaskRecord? Task { get; init; }
}
