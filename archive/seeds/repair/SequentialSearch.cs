using System.Diagnostics;

/// <summary>The plain search: apply a candidate, run the tests in a new process, undo it if they fail.</summary>
internal static class SequentialSearch
{
    /// <summary>The first guess at a candidate's test time, until one has been measured.</summary>
    private static readonly TimeSpan FirstEstimate = TimeSpan.FromSeconds(2);

    public static async Task<SearchResult> RunAsync(
        ITestRunner runner,
        SearchBudget budget,
        IReadOnlyList<Candidate> candidates,
        Workspace workspace,
        IReadOnlyDictionary<string, SourceFile> sources,
        IReadOnlySet<string> failing,
        CancellationToken cancellationToken)
    {
        var estimate = FirstEstimate;
        var tried = 0;
        foreach (var candidate in candidates)
        {
            if (!budget.Fits(estimate))
            {
                if (estimate == FirstEstimate)
                {
                    // Only the first guess held the search back: what was left is lost to it.
                    budget.RecordStop($"{nameof(SequentialSearch)}.{nameof(FirstEstimate)}");
                }

                break;
            }

            tried++;
            var watch = Stopwatch.StartNew();
            workspace.Write(candidate.File, sources[candidate.File].WithLine(candidate.Line, candidate.Text));
            if (await runner.PassesAsync(failing, cancellationToken))
            {
                return new SearchResult(tried, candidate);
            }

            workspace.Restore(candidate.File);
            estimate = TimeSpan.FromTicks(Math.Max(FirstEstimate.Ticks, (estimate.Ticks + (2 * watch.Elapsed.Ticks)) / 3));
        }

        return new SearchResult(tried, null);
    }
}
