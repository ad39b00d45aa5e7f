namespace Evolver.Core;

/// <summary>SWE-bench resolution of one task from its per-test results.</summary>
/// <param name="Resolved">Every FAIL_TO_PASS test passes and every PASS_TO_PASS test still passes.</param>
/// <param name="FailToPass">Outcome of each FAIL_TO_PASS test.</param>
/// <param name="PassToPass">Outcome of each PASS_TO_PASS test.</param>
public sealed record ScoreVerdict(
    bool Resolved,
    IReadOnlyDictionary<string, TestOutcome> FailToPass,
    IReadOnlyDictionary<string, TestOutcome> PassToPass)
{
    /// <summary>Judges <paramref name="task"/> from <paramref name="results"/>; a test absent from them counts as failed.</summary>
    public static ScoreVerdict Judge(TaskSpec task, IReadOnlyDictionary<string, TestOutcome> results)
    {
        Dictionary<string, TestOutcome> Pick(IEnumerable<string> ids) =>
            ids.ToDictionary(id => id, id => results.TryGetValue(id, out var o) ? o : TestOutcome.Missing, StringComparer.Ordinal);

        var f2p = Pick(task.FailToPass);
        var p2p = Pick(task.PassToPass);
        var resolved = f2p.Values.All(o => o == TestOutcome.Passed) && p2p.Values.All(o => o == TestOutcome.Passed);
        return new ScoreVerdict(resolved, f2p, p2p);
    }

    /// <summary>A short reason when unresolved, such as "2/3 FAIL_TO_PASS failing".</summary>
    public string Explain()
    {
        if (Resolved)
        {
            return "all tests pass";
        }

        var parts = new List<string>();
        var f = FailToPass.Count(kv => kv.Value != TestOutcome.Passed);
        var p = PassToPass.Count(kv => kv.Value != TestOutcome.Passed);
        if (f > 0)
        {
            parts.Add($"{f}/{FailToPass.Count} FAIL_TO_PASS failing");
        }

        if (p > 0)
        {
            parts.Add($"{p}/{PassToPass.Count} PASS_TO_PASS broken");
        }

        return string.Join(", ", parts);
    }
}
