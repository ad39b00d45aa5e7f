namespace Evolver.Core;

/// <summary>Why a child's evaluation stopped, or <see cref="None"/> while it goes on.</summary>
public enum StageStopReason
{
    /// <summary>Not stopped: more tasks to run.</summary>
    None,

    /// <summary>Every stage ran, or the suite ran out of tasks.</summary>
    Completed,

    /// <summary>A fixed stage's resolve rate was below its <see cref="EvaluationStage.ContinueAt"/>.</summary>
    BelowThreshold,

    /// <summary>Incremental evaluation: the upper confidence bound fell below the reference score.</summary>
    CannotBeatReference,
}
