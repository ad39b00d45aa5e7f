using Evolver.Core;
using Xunit;

namespace Evolver.Suites.Tests;

/// <summary>Conversion of real upstream exercises, without test runs.</summary>
public sealed class ConversionTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Convert_PolyglotExercise_StubInRepoTestsHiddenExampleAsGold()
    {
        var format = new PolyglotFormat();
        var root = format.Locate(Upstream.Polyglot)!;
        var upstream = Path.Combine(root, "affine-cipher");

        var conversion = format.Convert(format.List(root).Single(e => e.Id == "affine-cipher"), temp.Path);

        var task = Assert.IsType<ConvertedTask>(conversion.Task);
        Assert.Equal(["affine_cipher.py"], Files("repo"));
        Assert.Equal(["affine_cipher_test.py"], Files("hidden"));
        Assert.StartsWith(File.ReadAllText(Path.Combine(upstream, ".docs", "instructions.md")).Trim(), task.ProblemStatement);
        Assert.Contains(File.ReadAllText(Path.Combine(upstream, ".docs", "instructions.append.md")).Trim(), task.ProblemStatement);
        Assert.Contains("`affine_cipher.py`", task.ProblemStatement);
        Assert.Equal("python3 -m pytest -rA -p no:cacheprovider --timeout=20 affine_cipher_test.py", task.TestCommand);
        Assert.Equal(TestFormat.Pytest, task.TestFormat);
        AssertGoldTurnsStubInto(task.GoldPatch, "affine_cipher.py", Path.Combine(upstream, ".meta", "example.py"));
    }

    [Fact]
    public void Convert_PolyglotExerciseWithIntroduction_PutsItFirst()
    {
        var format = new PolyglotFormat();
        var root = format.Locate(Upstream.Polyglot)!;

        var task = format.Convert(format.List(root).Single(e => e.Id == "zebra-puzzle"), temp.Path).Task!;

        var introduction = File.ReadAllText(Path.Combine(root, "zebra-puzzle", ".docs", "introduction.md")).Trim();
        Assert.StartsWith(introduction, task.ProblemStatement);
    }

    [Fact]
    public void Convert_ExercismCsharpExercise_OfflineProjectHiddenTestsWithoutSkips()
    {
        var format = new ExercismCsharpFormat();
        var upstream = Path.Combine(Upstream.ExercismCsharp, "accumulate");

        var conversion = format.Convert(format.List(Upstream.ExercismCsharp).Single(e => e.Id == "accumulate"), temp.Path);

        var task = Assert.IsType<ConvertedTask>(conversion.Task);
        Assert.Equal([".editorconfig", "Accumulate.cs", "Accumulate.csproj", "nuget.config"], Files("repo"));
        Assert.Equal(["AccumulateTests.cs"], Files("hidden"));
        var tests = File.ReadAllText(temp.Combine("hidden", "AccumulateTests.cs"));
        Assert.DoesNotContain("Skip", tests);
        Assert.Contains("<add key=\"offline\" value=\"/opt/nuget/packages\" />", File.ReadAllText(temp.Combine("repo", "nuget.config")));
        Assert.Contains("Version=\"2.9.3\"", File.ReadAllText(temp.Combine("repo", "Accumulate.csproj")));
        Assert.Equal(TestFormat.Trx, task.TestFormat);
        Assert.Contains("$EVOLVER_RESULTS_DIR", task.TestCommand);
        Assert.Contains("`Accumulate.cs`", task.ProblemStatement);
        AssertGoldTurnsStubInto(task.GoldPatch, "Accumulate.cs", Path.Combine(upstream, ".meta", "Example.cs"));
    }

    [Fact]
    public void Convert_ExercismProjectWithByteOrderMark_WritesItWithout()
    {
        var format = new ExercismCsharpFormat();

        format.Convert(format.List(Upstream.ExercismCsharp).Single(e => e.Id == "darts"), temp.Path);

        Assert.Equal((byte)'<', File.ReadAllBytes(temp.Combine("repo", "Darts.csproj"))[0]);
    }

    [Fact]
    public void List_Quixbugs_OneTaskPerProgramWithCorrectVersionAndTests()
    {
        var format = new QuixbugsFormat();

        var ids = format.List(Upstream.Quixbugs).Select(e => e.Id).ToList();

        Assert.Equal(20, ids.Count);
        Assert.Contains("gcd", ids);
        Assert.Contains("detect_cycle", ids);
        Assert.DoesNotContain("node", ids);
        Assert.DoesNotContain(ids, id => id.EndsWith("_test", StringComparison.Ordinal));
    }

    [Fact]
    public void Convert_QuixbugsJsonProgram_BuggyProgramInRepoAllCasesHiddenCorrectAsGold()
    {
        var format = new QuixbugsFormat();

        var task = format.Convert(format.List(Upstream.Quixbugs).Single(e => e.Id == "gcd"), temp.Path).Task!;

        Assert.Equal(["python_programs/gcd.py", "python_testcases/load_testdata.py"], Files("repo"));
        Assert.Equal(["json_testcases/gcd.json", "python_testcases/load_testdata.py", "python_testcases/test_gcd.py"], Files("hidden"));
        var test = File.ReadAllText(temp.Combine("hidden", "python_testcases", "test_gcd.py"));
        Assert.DoesNotContain("use_correct", test);
        Assert.DoesNotContain("correct_python_programs", test);
        Assert.Contains("from python_programs.gcd import gcd\n", test);
        Assert.StartsWith("Input:\n    a: A nonnegative int", task.ProblemStatement);
        Assert.Contains("`gcd` in `python_programs/gcd.py` has a bug", task.ProblemStatement);
        Assert.Equal("python3 -m pytest -rA -p no:cacheprovider --timeout=10 python_testcases/test_gcd.py", task.TestCommand);
        var work = Upstream.CopyTree(temp.Combine("repo"), temp.Combine("applied"));
        Git.Apply(work, task.GoldPatch);
        var fixedProgram = File.ReadAllText(Path.Combine(work, "python_programs", "gcd.py"));
        var correct = File.ReadAllText(Path.Combine(Upstream.Quixbugs, "correct_python_programs", "gcd.py"));
        var buggy = File.ReadAllText(Path.Combine(Upstream.Quixbugs, "python_programs", "gcd.py"));
        Assert.StartsWith(correct.TrimEnd(), fixedProgram);
        Assert.EndsWith(buggy[buggy.IndexOf("\n\n\n\"\"\"", StringComparison.Ordinal)..], fixedProgram);
    }

    [Fact]
    public void Convert_QuixbugsGraphProgram_BringsTheTestsNodeClass()
    {
        var format = new QuixbugsFormat();

        format.Convert(format.List(Upstream.Quixbugs).Single(e => e.Id == "detect_cycle"), temp.Path);

        Assert.Equal(["python_programs/detect_cycle.py", "python_testcases/node.py"], Files("repo"));
        Assert.Equal(["python_testcases/node.py", "python_testcases/test_detect_cycle.py"], Files("hidden"));
    }

    [Fact]
    public void Convert_EveryQuixbugsProgram_GoldPatchIsTheSmallFixAndKeepsTheDocstring()
    {
        var format = new QuixbugsFormat();
        foreach (var exercise in format.List(Upstream.Quixbugs))
        {
            var dir = temp.Combine(exercise.Id);
            var task = format.Convert(exercise, dir).Task!;

            var changed = task.GoldPatch.Split('\n').Where(l => l.Length > 1 && l[0] is '-' or '+' && !l.StartsWith("---", StringComparison.Ordinal) && !l.StartsWith("+++", StringComparison.Ordinal)).ToList();
            Assert.True(changed.Count is > 0 and <= 4, $"{exercise.Id}: {string.Join(" | ", changed)}");
            var work = Upstream.CopyTree(Path.Combine(dir, "repo"), Path.Combine(dir, "applied"));
            Git.Apply(work, task.GoldPatch);
            var fixedProgram = File.ReadAllText(Path.Combine(work, "python_programs", exercise.Id + ".py"));
            Assert.Equal(QuixbugsFormat.Docstring(File.ReadAllText(Path.Combine(Upstream.Quixbugs, "python_programs", exercise.Id + ".py"))), QuixbugsFormat.Docstring(fixedProgram));
        }
    }

    [Fact]
    public void Docstring_BuggyProgram_IsDedentedText()
    {
        var source = File.ReadAllText(Path.Combine(Upstream.Quixbugs, "python_programs", "bitcount.py"));

        var text = QuixbugsFormat.Docstring(source);

        Assert.StartsWith("Bitcount\nbitcount\n\n\nInput:\n    n: a nonnegative int", text);
        Assert.EndsWith(">>> bitcount(128)\n    1", text);
    }

    private List<string> Files(string part) =>
        Directory.GetFiles(temp.Combine(part), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(temp.Combine(part), f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    /// <summary>git apply of the gold patch on a copy of repo/ must leave the file equal to the upstream solution.</summary>
    private void AssertGoldTurnsStubInto(string goldPatch, string file, string expected)
    {
        var work = Upstream.CopyTree(temp.Combine("repo"), temp.Combine("applied"));
        Git.Apply(work, goldPatch);
        Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(Path.Combine(work, file)));
    }
}
