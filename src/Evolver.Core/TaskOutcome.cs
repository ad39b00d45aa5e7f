namespace Evolver.Core;

/// <summary>The one-word outcome of a task, for tables and records.</summary>
public enum TaskOutcome
{
    /// <summary>Every FAIL_TO_PASS and PASS_TO_PASS test passes.</summary>
    Resolved,

    /// <summary>The tests ran and some required test did not pass.</summary>
    Unresolved,

    /// <summary>The agent left the repository unchanged.</summary>
    NoChange,

    /// <summary>The agent's diff did not apply to the clean repository.</summary>
    PatchFailed,

    /// <summary>The hidden tests ran past their time limit.</summary>
    TestTimeout,

    /// <summary>The harness failed on this task; the agent is not to blame.</summary>
    HarnessError,
}
