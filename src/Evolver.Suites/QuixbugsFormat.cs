using System.Text.RegularExpressions;
using Evolver.Core;

namespace Evolver.Suites;

/// <summary>
/// QuixBugs Python: one task per program with a one-line bug. The buggy program is the repository, the correct one over
/// it is the gold fix, and the program's docstring is the problem statement. The upstream tests keep their layout
/// (<c>python_testcases/</c>, <c>json_testcases/</c>) but always import <c>python_programs</c>: the <c>--correct</c> switch is gone.
/// </summary>
internal sealed partial class QuixbugsFormat : IUpstreamFormat
{
    public const string Programs = "python_programs";
    public const string Correct = "correct_python_programs";
    public const string Tests = "python_testcases";
    public const string Data = "json_testcases";
    private const string Loader = "load_testdata.py";
    private const string Node = "node.py";
    private const int PerTestSeconds = 10;

    public SuiteFormat Format => SuiteFormat.Quixbugs;

    public int ConverterVersion => 3;

    public string SuiteName => "quixbugs";

    public string Description =>
        "QuixBugs, Python: small classic algorithms, each with a bug on one line. The docstring says what the program should do; " +
        "about a third of the test cases are visible to the agent, all of them score.";

    public string License => "MIT (James Koppel); see LICENSE";

    public string Source => "QuixBugs (https://github.com/jkoppel/QuixBugs), Python programs and test cases; converted by `evolver import`";

    public string? Locate(string folder) =>
        Directory.Exists(Path.Combine(folder, Programs)) && Directory.Exists(Path.Combine(folder, Correct)) ? folder : null;

    public string? LicenseFile(string root) => UpstreamLicense.Find(root);

    public IReadOnlyList<UpstreamExercise> List(string root)
    {
        var exercises = new List<UpstreamExercise>();
        foreach (var program in Directory.EnumerateFiles(Path.Combine(root, Programs), "*.py").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
        {
            var test = Path.Combine(root, Tests, $"test_{program}.py");
            var correct = Path.Combine(root, Correct, program + ".py");
            if (!File.Exists(correct) || !File.Exists(test))
            {
                continue;
            }

            var testText = File.ReadAllText(test);
            var inputs = new List<string> { Path.Combine(root, Programs, program + ".py"), correct, test };
            if (UsesJsonData(testText))
            {
                inputs.Add(Path.Combine(root, Tests, Loader));
                inputs.Add(Path.Combine(root, Data, program + ".json"));
            }

            if (UsesNode(testText))
            {
                inputs.Add(Path.Combine(root, Tests, Node));
            }

            exercises.Add(new UpstreamExercise(program!, root, inputs));
        }

        return exercises;
    }

    public Conversion Convert(UpstreamExercise exercise, string taskDirectory)
    {
        var program = exercise.Id;
        var root = exercise.Directory;
        var missing = exercise.Inputs.FirstOrDefault(f => !File.Exists(f));
        if (missing is not null)
        {
            return Conversion.Skip($"{Path.GetRelativePath(root, missing)} is missing");
        }

        var buggy = FileTree.ReadRaw(Path.Combine(root, Programs, program + ".py"));
        var correct = FileTree.ReadRaw(Path.Combine(root, Correct, program + ".py"));
        var docstring = Docstring(buggy) ?? Docstring(correct);
        if (docstring is null)
        {
            return Conversion.Skip("the program has no docstring to serve as the problem statement");
        }

        var test = FileTree.ReadText(Path.Combine(root, Tests, $"test_{program}.py"));
        var switchMatch = CorrectSwitch().Match(test);
        if (!switchMatch.Success)
        {
            return Conversion.Skip($"test_{program}.py does not choose the program through pytest.use_correct as upstream does");
        }

        var adapted = test.Remove(switchMatch.Index, switchMatch.Length).Insert(switchMatch.Index, switchMatch.Groups["import"].Value + "\n");
        var function = switchMatch.Groups["names"].Value.Trim();
        var gold = UnifiedDiff.Create($"{Programs}/{program}.py", buggy, GoldProgram(buggy, correct));
        if (gold.Length == 0)
        {
            return Conversion.Skip("the correct program is identical to the buggy one");
        }

        FileTree.WriteText(Path.Combine(taskDirectory, "repo", Programs, program + ".py"), buggy);
        FileTree.WriteText(Path.Combine(taskDirectory, "hidden", Tests, $"test_{program}.py"), adapted);
        foreach (var helper in exercise.Inputs.Where(f => Path.GetFileName(f) is Loader or Node))
        {
            // Helpers go to both: the visible tests need them, and hidden copies undo any edit the agent made to them.
            FileTree.Copy(helper, Path.Combine(taskDirectory, "repo", Tests, Path.GetFileName(helper)));
            FileTree.Copy(helper, Path.Combine(taskDirectory, "hidden", Tests, Path.GetFileName(helper)));
        }

        var data = Path.Combine(root, Data, program + ".json");
        if (exercise.Inputs.Contains(data))
        {
            FileTree.Copy(data, Path.Combine(taskDirectory, "hidden", Data, program + ".json"));
        }

        var testPath = $"{Tests}/test_{program}.py";
        var statement = docstring + "\n\n" +
            $"`{function}` in `{Programs}/{program}.py` has a bug: it does not always do what the description above says. " +
            $"Find the bug and fix it. Some of its test cases are in `{testPath}` " +
            $"(run them with `python3 -m pytest {testPath}` from the repository root); more are used for scoring.\n";
        return Conversion.Of(new ConvertedTask
        {
            ProblemStatement = statement,
            Language = "python",
            Image = "evolver-python",
            // Some buggy programs never return: a per-test timeout keeps the run bounded. It must still leave room for the
            // slowest correct case, levenshtein's exponential recursion, which takes 2.4 s on one core here (3 s made it flaky).
            TestCommand = $"python3 -m pytest -rA -p no:cacheprovider --timeout={PerTestSeconds} " + testPath,
            TestFormat = TestFormat.Pytest,
            Timeouts = new TaskTimeouts(AgentSeconds: 300, TestSeconds: 180),
            Source = $"QuixBugs program '{program}' (https://github.com/jkoppel/QuixBugs); MIT licence (James Koppel), see the suite's LICENSE",
            GoldPatch = gold,
        });
    }

    public IReadOnlyList<string> AddVisibleTests(UpstreamExercise exercise, string taskDirectory, GoldValidation validation)
    {
        var program = exercise.Id;
        var testPath = $"{Tests}/test_{program}.py";
        var fullTest = File.ReadAllText(Path.Combine(taskDirectory, "hidden", testPath));
        var data = Path.Combine(taskDirectory, "hidden", Data, program + ".json");
        if (File.Exists(data))
        {
            // Same test module, fewer data lines: the hidden copy of the data file replaces this one when scoring.
            var cases = File.ReadAllLines(data).Where(l => l.Trim().Length > 0).ToList();
            var picked = QuixbugsVisibleTests.PickCases(cases.Count, validation.FailToPass);
            FileTree.WriteText(Path.Combine(taskDirectory, "repo", Data, program + ".json"), string.Concat(picked.Select(i => cases[i] + "\n")));
            FileTree.WriteText(Path.Combine(taskDirectory, "repo", testPath), fullTest);
        }
        else
        {
            FileTree.WriteText(Path.Combine(taskDirectory, "repo", testPath), QuixbugsVisibleTests.KeepLeadingTests(fullTest, validation.FailToPass));
        }

        return [testPath];
    }

    /// <summary>
    /// The fixed program as the gold patch writes it: the correct program's code, then the buggy program's closing
    /// docstring. Upstream correct programs often drop the docstring or end with string literals holding other versions;
    /// a string at the end of a module does nothing, so this keeps the behaviour of the correct program while the diff
    /// shows just the fix.
    /// </summary>
    internal static string GoldProgram(string buggy, string correct)
    {
        var buggyEnd = TrailingStrings().Match(buggy);
        if (!buggyEnd.Success)
        {
            return correct;
        }

        var correctEnd = TrailingStrings().Match(correct);
        return correct[..(correctEnd.Success ? correctEnd.Index : correct.TrimEnd().Length)] + buggyEnd.Value;
    }

    /// <summary>The text of the first triple-quoted string, dedented and trimmed; null when there is none.</summary>
    internal static string? Docstring(string source)
    {
        var match = TripleQuoted().Match(source);
        if (!match.Success || match.Groups[1].Value.Trim().Length == 0)
        {
            return null;
        }

        var lines = match.Groups[1].Value.Replace("\r", "").Split('\n');
        var indent = lines.Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select((l, i) => i == 0 ? l.Trim() : l.Length >= indent ? l[indent..].TrimEnd() : l.Trim())).Trim();
    }

    private static bool UsesJsonData(string test) => test.Contains("load_json_testcases", StringComparison.Ordinal);

    private static bool UsesNode(string test) => NodeImport().IsMatch(test);

    // if pytest.use_correct:
    //     from correct_python_programs.gcd import gcd
    // else:
    //     from python_programs.gcd import gcd
    [GeneratedRegex(@"^if pytest\.use_correct:[ \t]*\r?\n[ \t]+from correct_python_programs\.\w+ import [^\r\n]+\r?\nelse:[ \t]*\r?\n[ \t]+(?<import>from python_programs\.\w+ import (?<names>[^\r\n]+))\r?\n", RegexOptions.Multiline)]
    private static partial Regex CorrectSwitch();

    [GeneratedRegex(@"^\s*(?:from node import|import node\b)", RegexOptions.Multiline)]
    private static partial Regex NodeImport();

    // The string literals that end a module, with the blank lines before them.
    [GeneratedRegex("(?:\\s*\"\"\"(?:(?!\"\"\")[\\s\\S])*\"\"\"[ \\t]*)+\\s*\\z")]
    private static partial Regex TrailingStrings();

    [GeneratedRegex("\"\"\"(.*?)\"\"\"", RegexOptions.Singleline)]
    private static partial Regex TripleQuoted();
}
