using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>
/// Runs a Python repository's visible tests with pytest. The baseline run records line coverage per test; candidates are
/// tried in batches by <see cref="BatchDriver"/> when the test command is a plain pytest call, one process each otherwise.
/// </summary>
internal sealed class PytestRunner(string command, string scratch, ShellRunner shell, SearchBudget budget) : ITestRunner
{
    /// <summary>Per-test timeout while checking a candidate's failing tests: a candidate that loops is dropped quickly.</summary>
    private const int QuickTestSeconds = 8;

    /// <summary>Per-test timeout of the traced baseline run: tracing slows tests down, but buggy programs often loop forever.</summary>
    private const int BaselineTestSeconds = 5;

    /// <summary>Per-test timeout of a candidate's full run.</summary>
    private const int FullTestSeconds = 10;

    /// <summary>Bytecode caches would show up in the repository; the harness ignores them, but a clean tree is simpler.</summary>
    private const string NoBytecode = "PYTHONDONTWRITEBYTECODE=1";

    private static readonly Regex SummaryLinePattern = new(@"^(?<outcome>PASSED|FAILED|ERROR|XPASS|XFAIL) (?<id>.+?)(?: - .*)?\r?$", RegexOptions.Multiline);

    private static readonly Regex TimeoutOptionPattern = new(@"--timeout[= ]\d+");

    /// <summary>How pytest-timeout marks a test it stopped: <c>Failed: Timeout &gt;8.0s</c>.</summary>
    private static readonly Regex TimeoutFailurePattern = new(@"Failed: Timeout >\d");

    private static readonly string[][] PytestPrefixes = [["python3", "-m", "pytest"], ["python", "-m", "pytest"], ["pytest"]];

    /// <summary>The examples file the driver checks candidates against, or "-" for none.</summary>
    private string examplesFile = "-";

    public Language Language => Language.Python;

    public async Task UseExamplesAsync(IReadOnlyList<(string Source, string Want)> examples, IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        var modules = sources.Select(ModuleName).OfType<string>().ToList();
        if (examples.Count == 0 || modules.Count == 0)
        {
            return;
        }

        // Only examples whose names resolve on the unchanged repository are kept: the rest are prose, not code.
        var driver = await WriteDriverAsync(cancellationToken);
        var file = Path.Combine(scratch, "examples.json");
        await File.WriteAllTextAsync(file, ExamplesJson(examples, modules), cancellationToken);
        var (exit, output, _) = await shell.RunAsync($"{NoBytecode} python3 {ShellRunner.Quote(driver)} check {ShellRunner.Quote(file)}", TimeSpan.FromSeconds(60), cancellationToken);
        var usable = exit == 0 ? JsonSerializer.Deserialize<int[]>(output.Trim().Split('\n')[^1]) ?? [] : [];
        if (usable.Length > 0)
        {
            await File.WriteAllTextAsync(file, ExamplesJson(usable.Select(i => examples[i]).ToList(), modules), cancellationToken);
            examplesFile = file;
        }
    }

    public async Task<Baseline> RunBaselineAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(scratch);
        await File.WriteAllTextAsync(Path.Combine(scratch, TracerPlugin.Module + ".py"), TracerPlugin.Source, cancellationToken);
        var traceFile = Path.Combine(scratch, "trace.json");
        File.Delete(traceFile);
        var traced = $"{NoBytecode} PYTHONPATH={ShellRunner.Quote(scratch)}${{PYTHONPATH:+:$PYTHONPATH}} " +
            $"{TracerPlugin.OutputVariable}={ShellRunner.Quote(traceFile)} {WithTimeout(command, BaselineTestSeconds)} -p {TracerPlugin.Module}";
        var (exit, output, duration) = await shell.RunAsync(traced, budget.Remaining / 2, cancellationToken);
        Record(nameof(BaselineTestSeconds), BaselineTestSeconds, duration, output, exit);
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
        if (QuickArguments(failing) is { } quick)
        {
            var first = await shell.RunAsync($"{NoBytecode} python3 -m pytest {string.Join(' ', quick.Select(ShellRunner.Quote))}", TimeSpan.FromSeconds((QuickTestSeconds * failing.Count) + 20), cancellationToken);
            Record(nameof(QuickTestSeconds), QuickTestSeconds, first.Duration, first.Output, first.ExitCode);
            if (first.ExitCode != 0)
            {
                return false;
            }
        }

        var full = await shell.RunAsync($"{NoBytecode} {WithTimeout(command, FullTestSeconds)} -x", TimeSpan.FromMinutes(3), cancellationToken);
        Record(nameof(FullTestSeconds), FullTestSeconds, full.Duration, full.Output, 0);
        return full.ExitCode == 0 && ParseSummary(full.Output).Failed.Count == 0;
    }

    public async Task<SearchResult> SearchAsync(
        IReadOnlyList<Candidate> candidates, Workspace workspace, IReadOnlyDictionary<string, SourceFile> sources, IReadOnlySet<string> failing, CancellationToken cancellationToken)
    {
        var full = FullArguments();
        if (full is null)
        {
            return await SequentialSearch.RunAsync(this, budget, candidates, workspace, sources, failing, cancellationToken);
        }

        var quick = QuickArguments(failing) ?? [];
        var driver = await WriteDriverAsync(cancellationToken);
        var batchFile = Path.Combine(scratch, "candidates.json");
        var tried = 0;
        var start = 0;
        Candidate? plausible = null;
        while (start < candidates.Count && budget.Fits(TimeSpan.FromSeconds(3)))
        {
            var batch = candidates.Skip(start).ToList();
            foreach (var file in batch.Select(c => c.File).Distinct())
            {
                // The driver writes these files; if the agent is stopped mid-batch, the workspace must still restore them.
                workspace.Track(file);
            }

            var entries = batch.Select(c => new Dictionary<string, object>
            {
                ["file"] = Path.Combine(workspace.Root, c.File),
                ["text"] = sources[c.File].WithLine(c.Line, c.Text),
                ["quick_seconds"] = (QuickTestSeconds * Math.Max(1, failing.Count)) + 5,
                ["quick_test_seconds"] = QuickTestSeconds,
                ["full_test_seconds"] = FullTestSeconds,
            });
            await File.WriteAllTextAsync(batchFile, JsonSerializer.Serialize(entries), cancellationToken);
            var seconds = Math.Max(1, (int)(budget.Remaining.TotalSeconds - 5));
            var arguments = string.Join(' ', new[] { "search", batchFile, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), examplesFile, "--" }
                .Concat(quick).Append("--").Concat(full).Select(ShellRunner.Quote));
            var (exit, output, _) = await shell.RunAsync($"{NoBytecode} python3 {ShellRunner.Quote(driver)} {arguments}", TimeSpan.FromSeconds(seconds + 15), cancellationToken);
            var result = exit == 0 ? JsonSerializer.Deserialize<JsonElement>(output.Trim().Split('\n')[^1]) : default;
            if (result.ValueKind != JsonValueKind.Object)
            {
                // The driver itself failed: fall back to one process per candidate for the rest.
                var rest = await SequentialSearch.RunAsync(this, budget, batch, workspace, sources, failing, cancellationToken);
                return rest with { Tried = tried + rest.Tried, Plausible = plausible };
            }

            tried += result.GetProperty("tried").GetInt32();
            RecordBatch(nameof(QuickTestSeconds), result, "quick");
            RecordBatch(nameof(FullTestSeconds), result, "full");
            if (plausible is null && result.GetProperty("plausible").ValueKind == JsonValueKind.Number)
            {
                plausible = batch[result.GetProperty("plausible").GetInt32()];
            }

            if (result.GetProperty("passed").ValueKind != JsonValueKind.Number)
            {
                break;
            }

            // Confirm the driver's pick with the task's own command in a fresh process before keeping it.
            var index = result.GetProperty("passed").GetInt32();
            var winner = batch[index];
            workspace.Write(winner.File, sources[winner.File].WithLine(winner.Line, winner.Text));
            if (await PassesAsync(failing, cancellationToken))
            {
                return new SearchResult(tried, winner, plausible);
            }

            workspace.Restore(winner.File);
            start += index + 1;
        }

        return new SearchResult(tried, null, plausible);
    }

    /// <summary>
    /// Adds one run under the per-test timeout <paramref name="knob"/> to the profile: each test pytest-timeout stopped
    /// cost the timeout, and a run the shell killed (exit -1) cost all its time.
    /// </summary>
    private void Record(string knob, int seconds, TimeSpan duration, string output, int exit)
    {
        var stopped = TimeoutFailurePattern.Matches(output).Count;
        var expired = exit == -1 ? duration : TimeSpan.FromSeconds(stopped * seconds);
        budget.Profile.Add($"{nameof(PytestRunner)}.{knob}", duration, stopped + (exit == -1 ? 1 : 0), expired);
    }

    /// <summary>Adds the driver's figures for one kind of check (<c>[spent, uses, expired, expired_seconds]</c>) to the profile.</summary>
    private void RecordBatch(string knob, JsonElement result, string check)
    {
        if (result.TryGetProperty("profile", out var profile) && profile.TryGetProperty(check, out var figures) && figures.GetArrayLength() == 4)
        {
            budget.Profile.Add(
                $"{nameof(PytestRunner)}.{knob}",
                TimeSpan.FromSeconds(figures[0].GetDouble()),
                figures[2].GetInt32(),
                TimeSpan.FromSeconds(figures[3].GetDouble()),
                figures[1].GetInt32());
        }
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

    /// <summary>pytest arguments that run only the failing tests, stopping at the first failure; null when they are not known by id.</summary>
    private List<string>? QuickArguments(IReadOnlySet<string> failing)
    {
        if (failing.Count is 0 or > 100 || !failing.All(id => id.Contains("::", StringComparison.Ordinal)))
        {
            return null;
        }

        List<string> arguments = ["-x", "-q", "-p", "no:cacheprovider"];
        if (TimeoutOptionPattern.IsMatch(command))
        {
            arguments.Add($"--timeout={QuickTestSeconds}");
        }

        return [.. arguments, .. failing.Order(StringComparer.Ordinal)];
    }

    /// <summary>The visible test command's pytest arguments (timeout shortened, stopping at the first failure); null when it is not a plain pytest call.</summary>
    private List<string>? FullArguments()
    {
        var words = ShellWords.Split(WithTimeout(command, FullTestSeconds));
        var prefix = words is null ? null : PytestPrefixes.FirstOrDefault(p => words.Count > p.Length && words.Take(p.Length).SequenceEqual(p));
        return prefix is null ? null : [.. words!.Skip(prefix.Length), "-x"];
    }

    private async Task<string> WriteDriverAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(scratch);
        var driver = Path.Combine(scratch, "batch_driver.py");
        await File.WriteAllTextAsync(driver, BatchDriver.Source, cancellationToken);
        return driver;
    }

    private static string ExamplesJson(IReadOnlyList<(string Source, string Want)> examples, IReadOnlyList<string> modules) =>
        JsonSerializer.Serialize(new { modules, examples = examples.Select(e => new { source = e.Source, want = e.Want }) });

    /// <summary>The importable module name of a Python file (<c>pkg/mod.py</c> to <c>pkg.mod</c>), or null.</summary>
    private static string? ModuleName(string file)
    {
        var parts = file[..^".py".Length].Split('/').ToList();
        if (parts[^1] == "__init__")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts.Count > 0 && parts.All(p => p.Length > 0 && (char.IsLetter(p[0]) || p[0] == '_') && p.All(c => char.IsLetterOrDigit(c) || c == '_'))
            ? string.Join('.', parts)
            : null;
    }

    /// <summary>The command with its per-test timeout set to <paramref name="seconds"/>, if it uses pytest-timeout.</summary>
    private static string WithTimeout(string original, int seconds) =>
        TimeoutOptionPattern.IsMatch(original) ? TimeoutOptionPattern.Replace(original, $"--timeout={seconds}") : original;
}
