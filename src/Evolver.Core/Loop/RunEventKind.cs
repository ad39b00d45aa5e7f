namespace Evolver.Core;

/// <summary>What a <see cref="RunEvent"/> reports.</summary>
public enum RunEventKind
{
    /// <summary>The run started or resumed.</summary>
    RunStarted,

    /// <summary>A job started.</summary>
    ChildStarted,

    /// <summary>A job interrupted by a crash is re-done from its saved plan.</summary>
    ChildRedone,

    /// <summary>A job interrupted by a crash had been archived already; only the run state is brought up to date.</summary>
    ChildRecovered,

    /// <summary>A task run of a job finished.</summary>
    TaskFinished,

    /// <summary>A job was archived.</summary>
    ChildFinished,

    /// <summary>Something went wrong that the run survives.</summary>
    Warning,

    /// <summary>The run ended, was interrupted or failed.</summary>
    RunEnded,
}
