namespace Evolver.Core;

/// <summary>What <see cref="StagePlan.Decide"/> says about a child's evaluation so far.</summary>
public sealed record StageDecision
{
    /// <summary>Why the evaluation stopped, or <see cref="StageStopReason.None"/> while it goes on.</summary>
    public required StageStopReason StopReason { get; init; }

    /// <summary>True when no more tasks are to run.</summary>
    public bool Finished => StopReason != StageStopReason.None;

    /// <summary>How many more tasks to run next (the next ones in the child's task order); 0 when finished.</summary>
    public int NextTasks { get; init; }

    /// <summary>The 0-based stage the next tasks belong to (<see cref="TaskRecord.Stage"/>); −1 when finished.</summary>
    public int NextStage { get; init; } = -1;

    /// <summary>The stages reached so far, for <see cref="EvaluationRecord.Stages"/>; a stage still running has Passed false.</summary>
    public required IReadOnlyList<StageRecord> Stages { get; init; }
}
