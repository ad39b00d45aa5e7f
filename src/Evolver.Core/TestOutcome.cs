namespace Evolver.Core;

/// <summary>What became of one test in a scoring run.</summary>
public enum TestOutcome
{
    /// <summary>The test passed.</summary>
    Passed,

    /// <summary>The test ran and failed.</summary>
    Failed,

    /// <summary>The test could not run (collection or set-up error).</summary>
    Error,

    /// <summary>The test was skipped.</summary>
    Skipped,

    /// <summary>The test does not appear in the results; scored as failed, as SWE-bench does.</summary>
    Missing,
}
