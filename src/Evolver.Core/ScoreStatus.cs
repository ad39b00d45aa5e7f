namespace Evolver.Core;

/// <summary>How the scoring run of one task ended.</summary>
public enum ScoreStatus
{
    /// <summary>The tests ran and per-test results were read.</summary>
    Ran,

    /// <summary>The agent's diff did not apply to the clean repository.</summary>
    PatchFailed,

    /// <summary>The test command ran past its time limit.</summary>
    TimedOut,

    /// <summary>The harness could not score the task.</summary>
    HarnessError,
}
