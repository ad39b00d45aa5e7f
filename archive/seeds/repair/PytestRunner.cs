using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>Runs a Python repository's visible tests with pytest; the baseline run records line coverage per test.</summary>
internal sealed class PytestRunner(string command, string scratch, ShellRunner shell, SearchBudget budget) : ITestRunner
{
    /// <summary>Per-test timeout while checking a candidate's failing tests: a candidate that loops is dropped quickly.</summary>
    private const int QuickTestSeconds = 5;

    /// <summary>Per-test timeout of the baseline and of a candidate's full run.</summary>
    private const int FullTestSeconds = 10;

    /// <summary>Bytecode caches would show up in the repository; the harness ignores them, but a clean tree is simpler.</summary>
    private const string NoBytecode = "PYTHONDONTWRITEBYTECODE=1";

    public Language Language => Language.Python;

    public async Task<Baseline> RunBaselineAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(scratch);
        await File.WriteAllTextAsync(Path.Combine(scratch, TracerPlugin.Module + ".py"), TracerPlugin.Source, cancellationToken);
        var traceFile = Path.Combine(scratch, "trace.json");
        File.Delete(traceFile);
        var traced = $"{NoBytecode} PYTHONPATH={ShellRunner.Quote(scratch)}${{PYTHONPATH:+:$PYTHONPATH}} " +
            $"{TracerPlugin.OutputVariable}={ShellRunner.Quote(traceFile)} {WithTimeout(command, FullTestSeconds)} -p {TracerPlugin.Module}";
        var (exit, output, duration) = await shell.RunAsync(traced, budget.Remaining / 2, cancellationToken);
        var (passed, failed) = ParseSummary(output);
        var coverage = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (File.Exists(traceFile))
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(traceFile, cancellationToken));
            foreach (var test in json.RootElement.EnumerateObject())
            {
                var lines = test.Value.TryGetProperty("lines", out var l) ? l.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
                coverage[test.Name] = lines;
                var outcome = test.Value.TryGetProperty("outcome", out var o) ? o.GetString() : null;
                (outcome == "passed" ? passed : failed).Add(test.Name);
            }

            passed.ExceptWith(failed);
        }

        return new Baseline(new TestRun(passed, failed, exit, output, duration), coverage);
    }

    public async Task<bool> PassesAsync(IReadOnlySet<string> failing, CancellationToken cancellationToken)
    {
        if (failing.Count is > 0 and <= 100 && failing.All(id => id.Contains("::", StringComparison.Ordinal)))
        {
            var ids = string.Join(' ', failing.Order(StringComparer.Ordinal).Select(ShellRunner.Quote));
            var quick = $"{NoBytecode} python3 -m pytest -x -q -p no:cacheprovider{TimeoutFlag(QuickTestSeconds)} {ids}";
            var first = await shell.RunAsync(quick, TimeSpan.FromSeconds(QuickTestSeconds * failing.Count + 20), cancellationToken);
            if (first.ExitCode != 0)
            {
                return false;
            }
        }

        var full = await shell.RunAsync($"{NoBytecode} {WithTimeout(command, FullTestSeconds)} -x", TimeSpan.FromMinutes(3), cancellationToken);
        return full.ExitCode == 0 && ParseSummary(full.Output).Failed.Count == 0;
    }

    /// <summary>Test ids by outcome from pytest's <c>-rA</c> short summary (a collection error counts as a failure of its file).</summary>
    public static (HashSet<string> Passed, HashSet<string> Failed) ParseSummary(string output)
    {
        var passed = new HashSet<string>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in SummaryLinePattern.Matches(output))
        {
            var id = match.Groups["id"].Value.Trim();
            (match.Groups["outcome"].Value is "PASSED" or "XFAIL" ? passed : failed).Add(id);
        }

        return (passed, failed);
    }

    /// <summary>The command with its per-test timeout set to <paramref name="seconds"/>, if it uses pytest-timeout.</summary>
    private string WithTimeout(string original, int seconds) =>
        TimeoutOptionPattern.IsMatch(original) ? TimeoutOptionPattern.Replace(original, $"--timeout={seconds}") : original;

    private string TimeoutFlag(int seconds) => TimeoutOptionPattern.IsMatch(command) ? $" --timeout={seconds}" : "";

    private static readonly Regex SummaryLinePattern = new(@"^(?<outcome>PASSED|FAILED|ERROR|XPASS|XFAIL) (?<id>.+?)(?: - .*)?\r?$", RegexOptions.Multiline);

    private static readonly Regex TimeoutOptionPattern = new(@"--timeout[= ]\d+");
}
