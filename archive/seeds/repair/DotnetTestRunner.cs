using System.Text.RegularExpressions;

/// <summary>Runs a C# repository's visible tests with <c>dotnet test</c>. No coverage: localisation uses stack traces only.</summary>
internal sealed class DotnetTestRunner(string command, ShellRunner shell, SearchBudget budget) : ITestRunner
{
    private static readonly Regex ResultLinePattern = new(@"^\s*(?<outcome>Passed|Failed)\s+(?<id>\S+)", RegexOptions.Multiline);

    private const string Logger = " --logger \"console;verbosity=normal\"";

    public Language Language => Language.CSharp;

    public async Task<Baseline> RunBaselineAsync(CancellationToken cancellationToken)
    {
        var (exit, output, duration) = await shell.RunAsync(command + Logger, TimeSpan.FromMinutes(4), cancellationToken);
        var passed = new HashSet<string>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in ResultLinePattern.Matches(output))
        {
            (match.Groups["outcome"].Value == "Passed" ? passed : failed).Add(match.Groups["id"].Value);
        }

        if (exit != 0 && failed.Count == 0)
        {
            // The build failed or the run broke before any test: one pseudo-test stands for it.
            failed.Add("(build)");
        }

        return new Baseline(new TestRun(passed, failed, exit, output, duration), new Dictionary<string, IReadOnlySet<string>>());
    }

    public async Task<bool> PassesAsync(IReadOnlySet<string> failing, CancellationToken cancellationToken)
    {
        var (exit, _, _) = await shell.RunAsync(command, TimeSpan.FromMinutes(4), cancellationToken);
        return exit == 0;
    }

    public Task UseExamplesAsync(IReadOnlyList<(string Source, string Want)> examples, IReadOnlyCollection<string> sources, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task<SearchResult> SearchAsync(
        IReadOnlyList<Candidate> candidates, Workspace workspace, IReadOnlyDictionary<string, SourceFile> sources, IReadOnlySet<string> failing, CancellationToken cancellationToken) =>
        SequentialSearch.RunAsync(this, budget, candidates, workspace, sources, failing, cancellationToken);
}
