using Evolver.Agents.Sdk;

/// <summary>
/// Search-based program repair: run the visible tests, rank the source lines by how suspicious the failing tests make
/// them, then try repair templates on the most suspicious lines first, re-running the tests after each candidate, and
/// keep the first candidate that makes every visible test pass. The repository is left as it was unless a fix is kept.
/// </summary>
internal sealed class RepairAgent : IAgent
{
    /// <summary>How many of the most suspicious lines the search may touch.</summary>
    private const int MaxLines = 80;

    /// <summary>Below this much time left, another tier is not started.</summary>
    private static readonly TimeSpan MinimumSearch = TimeSpan.FromSeconds(3);

    /// <summary>Where the time went, per time knob; the SDK writes it into the report however the run ends.</summary>
    public TimeProfile Profile { get; } = new();

    public async Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var budget = new SearchBudget(context.Budget.Deadline, TimeProvider.System, Profile);
        Language language;
        switch (context.Language)
        {
            case "python":
                language = Language.Python;
                break;
            case "csharp":
                language = Language.CSharp;
                break;
            default:
                return GaveUp($"cannot repair {context.Language} code", 0);
        }

        var command = TestCommand(context, language);
        if (command is null)
        {
            return GaveUp("the task offers no visible tests to guide a repair", 0);
        }

        var workspace = new Workspace(context.RepoPath);
        var scratch = Path.Combine(Path.GetTempPath(), "evolver-repair-" + Guid.NewGuid().ToString("N")[..8]);
        var shell = new ShellRunner(workspace.Root, budget);
        ITestRunner runner = language == Language.Python ? new PytestRunner(command, scratch, shell, budget) : new DotnetTestRunner(command, shell, budget);
        Candidate? kept = null;
        Candidate? plausible = null;
        var tried = 0;
        try
        {
            var baseline = await runner.RunBaselineAsync(cancellationToken);
            Log($"baseline: {baseline.Run.Passed.Count} passed, {baseline.Run.Failed.Count} failed, exit {baseline.Run.ExitCode}, {baseline.Run.Duration.TotalSeconds:F1} s");
            if (baseline.Run.AllPassed)
            {
                return GaveUp("the visible tests already pass, so they cannot show where the fault is", 0);
            }

            var sources = LoadSources(workspace, language);
            if (sources.Count == 0)
            {
                return GaveUp("no source file outside the tests to repair", 0);
            }

            var ranked = FaultLocaliser.Rank(sources.Values.ToList(), baseline, workspace.Root);
            foreach (var line in ranked.Take(5))
            {
                Log($"suspicious: {line.File}:{line.Line + 1} score {line.Score:F3}");
            }

            await runner.UseExamplesAsync(ProblemExamples.Extract(context.ProblemStatement), sources.Keys, cancellationToken);
            var generator = new CandidateGenerator(sources, Scope.Attributes(AllFiles(workspace, language)));
            var filter = new SyntaxFilter(scratch, shell);
            var outOfTime = false;
            foreach (var tier in CandidateGenerator.Tiers(ranked, MaxLines))
            {
                if (!budget.Fits(MinimumSearch))
                {
                    budget.RecordStop($"{nameof(RepairAgent)}.{nameof(MinimumSearch)}");
                    outOfTime = true;
                    break;
                }

                var candidates = await filter.KeepParsingAsync(generator.Generate(tier).ToList(), sources, cancellationToken);
                Log($"tier of {tier.Count} lines (score {tier[0].Score:F3}): {candidates.Count} candidates");
                var result = await runner.SearchAsync(candidates, workspace, sources, baseline.Run.Failed, cancellationToken);
                tried += result.Tried;
                plausible ??= result.Plausible;
                if (result.Passed is { } fix)
                {
                    kept = fix;
                    Log($"fixed after {tried} candidates: {fix.Describe()}");
                    return new AgentReport("completed", $"the visible tests pass after {tried} candidates: {fix.Describe()}", tried);
                }
            }

            if (!outOfTime && !budget.Fits(MinimumSearch))
            {
                // The last tier ran into the deadline: the reserve went unused just the same.
                budget.RecordStop($"{nameof(RepairAgent)}.{nameof(MinimumSearch)}");
                outOfTime = true;
            }

            if (plausible is not null)
            {
                // Nothing agreed with the examples as well; a fix the visible tests accept still beats none.
                workspace.Write(plausible.File, sources[plausible.File].WithLine(plausible.Line, plausible.Text));
                if (await runner.PassesAsync(baseline.Run.Failed, cancellationToken))
                {
                    kept = plausible;
                    Log($"kept a fix that contradicts an example: {plausible.Describe()}");
                    return new AgentReport("completed", $"the visible tests pass (an example of the problem statement does not) after {tried} candidates: {plausible.Describe()}", tried);
                }

                workspace.Restore(plausible.File);
            }

            return outOfTime
                ? GaveUp($"the budget ran out after {tried} candidates", tried)
                : GaveUp($"none of {tried} candidates on the {Math.Min(MaxLines, ranked.Count)} most suspicious lines made the visible tests pass", tried);
        }
        finally
        {
            if (kept is null)
            {
                workspace.RestoreAll();
            }

            workspace.RemoveNewFiles();
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    /// <summary>The command that runs the visible tests, from the context or built from the visible test files.</summary>
    private static string? TestCommand(AgentContext context, Language language)
    {
        if (!string.IsNullOrWhiteSpace(context.VisibleTestCommand))
        {
            return context.VisibleTestCommand;
        }

        if (context.VisibleTests.Count == 0)
        {
            return null;
        }

        return language == Language.Python
            ? "python3 -m pytest -rA -p no:cacheprovider " + string.Join(' ', context.VisibleTests.Select(ShellRunner.Quote))
            : "dotnet test";
    }

    /// <summary>The repository's source files in <paramref name="language"/>, tests and build output left out, by path.</summary>
    private static Dictionary<string, SourceFile> LoadSources(Workspace workspace, Language language) =>
        AllFiles(workspace, language).Where(f => !IsTest(f.Path)).ToDictionary(f => f.Path, StringComparer.Ordinal);

    /// <summary>Every file of the repository in <paramref name="language"/> that is not build output.</summary>
    private static List<SourceFile> AllFiles(Workspace workspace, Language language)
    {
        var extension = language == Language.Python ? ".py" : ".cs";
        return workspace.ListFiles()
            .Where(f => f.EndsWith(extension, StringComparison.Ordinal) && !f.Split('/').Any(part => part is "bin" or "obj" or "__pycache__"))
            .Select(f => SourceFile.Parse(f, workspace.Read(f), language))
            .ToList();
    }

    /// <summary>True for test code: test files by name, conftest, and anything in a folder whose name mentions tests.</summary>
    private static bool IsTest(string path)
    {
        var name = Path.GetFileName(path);
        var folders = path.Split('/')[..^1];
        return name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal) || name == "conftest.py"
            || name.EndsWith("Tests.cs", StringComparison.Ordinal) || name.EndsWith("Test.cs", StringComparison.Ordinal)
            || folders.Any(f => f.Contains("test", StringComparison.OrdinalIgnoreCase));
    }

    private static AgentReport GaveUp(string why, int tried)
    {
        Log("gave up: " + why);
        return new AgentReport("gave_up", why, tried);
    }

    private static void Log(string message) => Console.WriteLine("[repair] " + message);
}
