/// <summary>Runs a repository's visible tests for the search.</summary>
internal interface ITestRunner
{
    /// <summary>The language of the sources the tests exercise.</summary>
    Language Language { get; }

    /// <summary>Runs the tests on the unchanged repository, recording coverage when the language allows.</summary>
    Task<Baseline> RunBaselineAsync(CancellationToken cancellationToken);

    /// <summary>Makes later searches also check the problem statement's <paramref name="examples"/> against <paramref name="sources"/>.</summary>
    Task UseExamplesAsync(IReadOnlyList<(string Source, string Want)> examples, IReadOnlyCollection<string> sources, CancellationToken cancellationToken);

    /// <summary>True when every visible test passes on the repository as it is now; <paramref name="failing"/> run first to reject fast.</summary>
    Task<bool> PassesAsync(IReadOnlySet<string> failing, CancellationToken cancellationToken);

    /// <summary>
    /// Tries <paramref name="candidates"/> in order until one makes every visible test pass, and leaves that one applied
    /// (every other file as it was).
    /// </summary>
    Task<SearchResult> SearchAsync(
        IReadOnlyList<Candidate> candidates, Workspace workspace, IReadOnlyDictionary<string, SourceFile> sources, IReadOnlySet<string> failing, CancellationToken cancellationToken);
}
