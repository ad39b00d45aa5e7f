using System.Text.RegularExpressions;
using Evolver.Core;

namespace Evolver.Suites;

/// <summary>
/// FAIL_TO_PASS and PASS_TO_PASS from real runs, as SWE-bench derives them: the hidden tests run once on the base
/// repository and once with the gold patch. A test missing from the base run counts as failed there.
/// </summary>
internal sealed partial record GoldValidation(
    ImportStatus Status, string Reason, IReadOnlyList<string> FailToPass, IReadOnlyList<string> PassToPass, ScoreResult? Base, ScoreResult? Gold)
{
    /// <summary>Runs the base and the gold scoring of <paramref name="task"/> (whose F2P/P2P lists are still empty).</summary>
    public static async Task<GoldValidation> RunAsync(TaskSpec task, string goldPatch, ISandbox sandbox, CancellationToken cancellationToken)
    {
        var @base = await sandbox.ScoreAsync(task, "", cancellationToken).ConfigureAwait(false);
        if (@base.Status == ScoreStatus.HarnessError)
        {
            return Fail($"base run: {@base.Reason}", @base, null);
        }

        var gold = await sandbox.ScoreAsync(task, goldPatch, cancellationToken).ConfigureAwait(false);
        return Judge(@base, gold, task.Timeouts.TestSeconds);
    }

    /// <summary>Reads the two runs.</summary>
    public static GoldValidation Judge(ScoreResult @base, ScoreResult gold, int testSeconds)
    {
        switch (gold.Status)
        {
            case ScoreStatus.HarnessError:
                return Fail($"gold run: {gold.Reason}", @base, gold);
            case ScoreStatus.PatchFailed:
                return Skip($"gold.patch does not apply to repo/: {gold.Reason}", @base, gold);
            case ScoreStatus.TimedOut:
                return Fail($"gold run ran past test_seconds ({testSeconds} s)", @base, gold);
        }

        if (gold.Tests.Count == 0)
        {
            return Skip(Diagnose(gold), @base, gold);
        }

        var broken = gold.Tests.Where(t => t.Value is TestOutcome.Failed or TestOutcome.Error).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        if (broken.Count > 0)
        {
            var named = string.Join(", ", broken.Take(3)) + (broken.Count > 3 ? $" and {broken.Count - 3} more" : "");
            if (broken.All(id => TimedOut(gold.OutputTail, id)))
            {
                // A per-test timeout hit by the gold says more about the machine's load than about the task: try again later.
                return Fail($"gold run hit the per-test timeout in {broken.Count} of {gold.Tests.Count} tests ({named}); is the machine overloaded?", @base, gold);
            }

            return Skip($"gold run failed {broken.Count} of {gold.Tests.Count} tests: {named}", @base, gold);
        }

        var passing = gold.Tests.Where(t => t.Value == TestOutcome.Passed).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        bool PassedInBase(string id) => @base.Tests.TryGetValue(id, out var o) && o == TestOutcome.Passed;
        var f2p = passing.Where(id => !PassedInBase(id)).ToList();
        var p2p = passing.Where(PassedInBase).ToList();
        if (f2p.Count == 0)
        {
            return Skip($"the stub already passes every test the gold passes ({p2p.Count}), so no test is FAIL_TO_PASS (a refactoring exercise)", @base, gold);
        }

        return new GoldValidation(ImportStatus.Imported, $"{f2p.Count} FAIL_TO_PASS, {p2p.Count} PASS_TO_PASS", f2p, p2p, @base, gold);
    }

    private static GoldValidation Skip(string reason, ScoreResult? @base, ScoreResult? gold) => new(ImportStatus.Skipped, reason, [], [], @base, gold);

    private static GoldValidation Fail(string reason, ScoreResult? @base, ScoreResult? gold) => new(ImportStatus.Failed, reason, [], [], @base, gold);

    /// <summary>True when pytest-timeout stopped test <paramref name="id"/>: "FAILED id - Failed: Timeout &gt;10.0s".</summary>
    private static bool TimedOut(string output, string id) =>
        output.Contains($"FAILED {id} - Failed: Timeout", StringComparison.Ordinal) || output.Contains($"ERROR {id} - Failed: Timeout", StringComparison.Ordinal);

    /// <summary>Why a gold run produced no per-test result, read from its output.</summary>
    private static string Diagnose(ScoreResult gold)
    {
        var output = gold.OutputTail;
        var restore = RestoreError().Matches(output).Select(m => m.Groups[1].Value.Trim()).Distinct().ToList();
        if (restore.Count > 0)
        {
            return "upstream project did not restore offline: " + string.Join("; ", restore.Take(2));
        }

        if (CompileError().Match(output) is { Success: true } compile)
        {
            return "gold solution did not compile: " + compile.Groups[1].Value.Trim();
        }

        if (PythonError().Match(output) is { Success: true } python)
        {
            return "tests could not be collected with the gold solution: " + python.Value.Trim();
        }

        return "gold run reported no test results" + (string.IsNullOrEmpty(gold.Reason) ? "" : ": " + gold.Reason);
    }

    // "/repo/X.csproj : error NU1101: Unable to find package Foo. No packages exist with this id in source(s): offline"
    [GeneratedRegex(@"error (NU\d{4}: [^\r\n\[]+)")]
    private static partial Regex RestoreError();

    // "/repo/XTests.cs(12,5): error CS0246: The type or namespace name 'Bar' could not be found ..."
    [GeneratedRegex(@"([^\s/]+\.cs\(\d+,\d+\): error CS\d{4}: [^\r\n\[]+)")]
    private static partial Regex CompileError();

    [GeneratedRegex(@"^E\s+\w*(Error|Exception):[^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex PythonError();
}
