using System.Text.RegularExpressions;

namespace Evolver.Suites;

/// <summary>
/// Chooses the QuixBugs test cases the agent sees: about a third of them, at least one, and at least one that fails on
/// the buggy program (from the base run) so that a repair agent can localise the fault.
/// </summary>
internal static partial class QuixbugsVisibleTests
{
    /// <summary>Indices of the JSON cases to show, ascending: the first failing case plus evenly spread others.</summary>
    public static IReadOnlyList<int> PickCases(int count, IReadOnlyList<string> failToPass)
    {
        if (count == 0)
        {
            return [];
        }

        var want = Math.Max(1, (count + 2) / 3);
        var picked = new SortedSet<int>();
        var failing = failToPass.Select(id => CaseIndex().Match(id)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value))
            .Where(i => i < count).Order().ToList();
        if (failing.Count > 0)
        {
            picked.Add(failing[0]);
        }

        for (var i = 0; picked.Count < want && i < want; i++)
        {
            picked.Add(i * count / want);
        }

        for (var i = 0; picked.Count < want; i++)
        {
            picked.Add(i);
        }

        return picked.ToList();
    }

    /// <summary>
    /// The test module cut after its first third of test functions, or later so that it holds the first failing one.
    /// Tests are kept in order from the top, because QuixBugs graph tests share module state from one test to the next.
    /// </summary>
    public static string KeepLeadingTests(string module, IReadOnlyList<string> failToPass)
    {
        var lines = module.Split('\n');
        var starts = Enumerable.Range(0, lines.Length).Where(i => TestDefinition().IsMatch(lines[i])).ToList();
        if (starts.Count == 0)
        {
            return module;
        }

        // A decorator belongs to the function below it.
        starts = starts.Select(s => { while (s > 0 && lines[s - 1].StartsWith('@')) { s--; } return s; }).ToList();
        var names = starts.Select(s => TestName().Match(string.Join('\n', lines[s..])).Groups[1].Value).ToList();
        var failing = failToPass.Select(id => id[(id.LastIndexOf("::", StringComparison.Ordinal) + 2)..].Split('[')[0]).ToHashSet();
        var firstFailing = names.FindIndex(failing.Contains);
        var keep = Math.Max(Math.Max(1, (starts.Count + 2) / 3), firstFailing + 1);
        if (keep >= starts.Count)
        {
            return module;
        }

        return string.Join('\n', lines[..starts[keep]]).TrimEnd() + "\n";
    }

    // "test_gcd[input_data4-18913]": pytest numbers non-primitive parameters by position.
    [GeneratedRegex(@"\[input_data(\d+)-")]
    private static partial Regex CaseIndex();

    [GeneratedRegex(@"^def test\w*\s*\(")]
    private static partial Regex TestDefinition();

    [GeneratedRegex(@"^def (test\w*)", RegexOptions.Multiline)]
    private static partial Regex TestName();
}
