namespace Evolver.Core;

/// <summary>How per-test results are read from a scoring run (task.json <c>test_format</c>).</summary>
public enum TestFormat
{
    /// <summary>pytest's short summary from <c>-rA</c>: lines such as <c>PASSED path::test</c>.</summary>
    Pytest,

    /// <summary>JUnit XML report files written under the results directory.</summary>
    JunitXml,

    /// <summary>Visual Studio TRX report files written under the results directory.</summary>
    Trx,

    /// <summary>The exit code alone decides one test, named by the single FAIL_TO_PASS id.</summary>
    ExitCode,
}
