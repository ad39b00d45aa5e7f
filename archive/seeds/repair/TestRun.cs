/// <summary>One run of the visible tests: which tests passed and failed, and the output for localisation.</summary>
/// <param name="Passed">Ids of the tests that passed.</param>
/// <param name="Failed">Ids of the tests that failed or errored (a collection error counts, with the file as its id).</param>
/// <param name="ExitCode">The test command's exit code, -1 when it timed out.</param>
/// <param name="Output">The command's output, cut to a bounded size.</param>
/// <param name="Duration">How long the run took.</param>
internal sealed record TestRun(IReadOnlySet<string> Passed, IReadOnlySet<string> Failed, int ExitCode, string Output, TimeSpan Duration)
{
    /// <summary>True when the command succeeded and no test failed.</summary>
    public bool AllPassed => ExitCode == 0 && Failed.Count == 0;
}
