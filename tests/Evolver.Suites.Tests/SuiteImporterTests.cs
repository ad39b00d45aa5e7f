using Evolver.Core;
using Xunit;

namespace Evolver.Suites.Tests;

/// <summary>Whole imports of real upstream exercises, validated by real test runs on this host (<see cref="HostSandbox"/>).</summary>
public sealed class SuiteImporterTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly SuiteImporter importer = new(TimeProvider.System);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Detect_UpstreamFolders_NamesTheirLayout()
    {
        Assert.Equal(SuiteFormat.Polyglot, SuiteImporter.Detect(Upstream.Polyglot));
        Assert.Equal(SuiteFormat.Polyglot, SuiteImporter.Detect(Path.Combine(Upstream.Polyglot, "python")));
        Assert.Equal(SuiteFormat.ExercismCsharp, SuiteImporter.Detect(Upstream.ExercismCsharp));
        Assert.Equal(SuiteFormat.Quixbugs, SuiteImporter.Detect(Upstream.Quixbugs));
        Assert.Null(SuiteImporter.Detect(temp.Path));
    }

    [Fact]
    public async Task ImportAsync_UnknownLayout_ErrorNamesTheFolder()
    {
        var from = Directory.CreateDirectory(temp.Combine("upstream")).FullName;
        File.WriteAllText(Path.Combine(from, "README.md"), "not a benchmark");

        var report = await importer.ImportAsync(Options(from), new HostSandbox(), null, CancellationToken.None);

        Assert.False(report.Succeeded);
        Assert.Contains($"'{from}' is in no known upstream layout", report.Error);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public async Task ImportAsync_FormatGivenButLayoutDiffers_ErrorSaysWhichLayout()
    {
        var options = Options(Upstream.Quixbugs);
        options.Format = SuiteFormat.ExercismCsharp;

        var report = await importer.ImportAsync(options, new HostSandbox(), null, CancellationToken.None);

        Assert.Contains("is not in the exercism-csharp layout", report.Error);
    }

    [Fact]
    public async Task ImportAsync_InvalidOptions_ReportsEveryProblem()
    {
        var options = new ImportOptions { From = temp.Combine("missing"), Out = "", Parallelism = 0, TaskFilter = "a,,b" };

        var report = await importer.ImportAsync(options, new HostSandbox(), null, CancellationToken.None);

        Assert.Contains("does not exist", report.Error);
        Assert.Contains("Out is required", report.Error);
        Assert.Contains("Parallelism must be from 1 to 64", report.Error);
        Assert.Contains("TaskFilter", report.Error);
    }

    [Fact]
    public async Task ImportAsync_QuixbugsPrograms_FailToPassFromRealRunsAndVisibleFailingCases()
    {
        var sandbox = new HostSandbox();
        var progress = new List<ImportProgress>();

        var report = await importer.ImportAsync(Options(Upstream.Quixbugs, "gcd,detect_cycle,levenshtein"), sandbox, new SyncProgress(progress.Add), CancellationToken.None);

        Assert.True(report.Succeeded, report.Error + string.Join("\n", report.Tasks.Select(t => t.Reason)));
        Assert.Equal(["detect_cycle", "gcd", "levenshtein"], report.Imported.Select(t => t.InstanceId));
        Assert.Equal([1, 2, 3], progress.Select(p => p.Completed).Order());
        Assert.Equal(6, sandbox.ScoreRuns);
        var suite = LoadSuite(report);
        Assert.Equal("quixbugs", suite.Name);
        Assert.Equal(report.SuiteVersion, suite.Version);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Upstream.Quixbugs, "LICENSE")), File.ReadAllBytes(Path.Combine(suite.Directory, "LICENSE")));

        // gcd recurses without end unless b == 0: only the case [17, 0] passes on the buggy program.
        var gcd = suite.Tasks.Single(t => t.InstanceId == "gcd");
        Assert.Equal(["python_testcases/test_gcd.py::test_gcd[input_data0-17]"], gcd.PassToPass);
        Assert.Equal(5, gcd.FailToPass.Count);
        Assert.All(gcd.FailToPass, id => Assert.StartsWith("python_testcases/test_gcd.py::test_gcd[input_data", id));
        Assert.Equal(["python_testcases/test_gcd.py"], gcd.VisibleTests);
        var visibleCases = File.ReadAllLines(Path.Combine(gcd.RepoDirectory, "json_testcases", "gcd.json"));
        Assert.Equal(["[[17, 0], 17]", "[[13, 13], 13]"], visibleCases);

        // detect_cycle fails only test4; the visible module keeps the tests in order up to it.
        var cycle = suite.Tasks.Single(t => t.InstanceId == "detect_cycle");
        Assert.Equal(["python_testcases/test_detect_cycle.py::test4"], cycle.FailToPass);
        var visible = File.ReadAllText(Path.Combine(cycle.RepoDirectory, "python_testcases", "test_detect_cycle.py"));
        Assert.Contains("def test4():", visible);
        Assert.DoesNotContain("def test5():", visible);

        // levenshtein's gold takes seconds on one case and upstream skips another as too slow: that one is in neither list.
        var levenshtein = suite.Tasks.Single(t => t.InstanceId == "levenshtein");
        Assert.Equal(6, levenshtein.FailToPass.Count + levenshtein.PassToPass.Count);
        Assert.DoesNotContain(levenshtein.FailToPass.Concat(levenshtein.PassToPass), id => id.Contains("input_data3", StringComparison.Ordinal));

        // As SWE-bench validates: on the written task, the gold patch resolves it and the empty patch does not.
        foreach (var task in suite.Tasks)
        {
            Assert.True(ScoreVerdict.Judge(task, (await sandbox.ScoreAsync(task, File.ReadAllText(task.GoldPatchPath!), default)).Tests).Resolved, task.InstanceId);
            Assert.False(ScoreVerdict.Judge(task, (await sandbox.ScoreAsync(task, "", default)).Tests).Resolved, task.InstanceId);
        }
    }

    [Fact]
    public async Task ImportAsync_PolyglotExercises_FailToPassAndPassToPassFromTheRuns()
    {
        var report = await importer.ImportAsync(Options(Upstream.Polyglot, "affine-cipher,tree-building"), new HostSandbox(), null, CancellationToken.None);

        Assert.True(report.Succeeded, report.Error);
        var suite = LoadSuite(report);
        Assert.Equal("polyglot-python", suite.Name);
        Assert.Equal(["affine-cipher", "tree-building"], suite.Tasks.Select(t => t.InstanceId));

        // The affine-cipher stub is empty: every test fails on it.
        var affine = suite.Tasks[0];
        var testCount = File.ReadAllText(Path.Combine(Upstream.Polyglot, "python", "affine-cipher", "affine_cipher_test.py")).Split("def test_").Length - 1;
        Assert.Equal(testCount, affine.FailToPass.Count);
        Assert.Empty(affine.PassToPass);
        Assert.Contains("affine_cipher_test.py::AffineCipherTest::test_decode_a_sentence", affine.FailToPass);

        // The tree-building stub works but raises vague errors: the error-message tests are the ones to fix.
        var tree = suite.Tasks[1];
        Assert.Contains("tree_building_test.py::TreeBuildingTest::test_cycle_directly", tree.FailToPass);
        Assert.Contains("tree_building_test.py::TreeBuildingTest::test_binary_tree", tree.PassToPass);
        Assert.Equal(13, tree.FailToPass.Count + tree.PassToPass.Count);
    }

    [Fact]
    public async Task ImportAsync_ExercismCsharp_ImportsRestorableAndSkipsTheRestWithReason()
    {
        var report = await importer.ImportAsync(Options(Upstream.ExercismCsharp, "accumulate,hangman"), new HostSandbox(), null, CancellationToken.None);

        Assert.True(report.Succeeded, report.Error);
        var suite = LoadSuite(report);
        var accumulate = Assert.Single(suite.Tasks);
        Assert.Equal(
            ["AccumulateTests.Accumulate_empty", "AccumulateTests.Accumulate_is_lazy", "AccumulateTests.Accumulate_recursively",
             "AccumulateTests.Accumulate_reversed_strings", "AccumulateTests.Accumulate_squares", "AccumulateTests.Accumulate_upcases"],
            accumulate.FailToPass);
        Assert.Equal(TestFormat.Trx, accumulate.TestFormat);
        Assert.Equal("evolver-dotnet", accumulate.Image);
        var hangman = report.Tasks.Single(t => t.InstanceId == "hangman");
        Assert.Equal(ImportStatus.Skipped, hangman.Status);
        Assert.Contains("did not restore", hangman.Reason);
        Assert.Contains("Microsoft.Reactive.Testing", hangman.Reason);
    }

    [Fact]
    public async Task ImportAsync_GoldFailsStubPassesOrStubDoesNotParse_SkipsOrCountsMissingAsFailed()
    {
        var from = temp.Combine("upstream");
        const string Tests = "import unittest\nfrom adder import add\n\n\nclass AdderTest(unittest.TestCase):\n" +
            "    def test_add(self):\n        self.assertEqual(add(2, 3), 5)\n\n    def test_zero(self):\n        self.assertEqual(add(0, 0), 0)\n";
        WriteExercise(from, "wrong-gold", stub: "def add(a, b):\n    pass\n", example: "def add(a, b):\n    return a + b + 1\n", Tests);
        WriteExercise(from, "broken-stub", stub: "def add(a, b)\n    pass\n", example: "def add(a, b):\n    return a + b\n", Tests);
        WriteExercise(from, "refactoring", stub: "def add(a, b):\n    return a + b\n", example: "def add(a, b):\n    total = a + b\n    return total\n", Tests);

        var report = await importer.ImportAsync(Options(from), new HostSandbox(), null, CancellationToken.None);

        var wrong = report.Tasks.Single(t => t.InstanceId == "wrong-gold");
        Assert.Equal(ImportStatus.Skipped, wrong.Status);
        Assert.Equal("gold run failed 2 of 2 tests: adder_test.py::AdderTest::test_add, adder_test.py::AdderTest::test_zero", wrong.Reason);
        var refactoring = report.Tasks.Single(t => t.InstanceId == "refactoring");
        Assert.Equal(ImportStatus.Skipped, refactoring.Status);
        Assert.Contains("already passes every test the gold passes (2)", refactoring.Reason);
        var broken = LoadSuite(report).Tasks.Single();
        Assert.Equal("broken-stub", broken.InstanceId);
        Assert.Equal(["adder_test.py::AdderTest::test_add", "adder_test.py::AdderTest::test_zero"], broken.FailToPass);
    }

    [Fact]
    public async Task ImportAsync_GoldHitsThePerTestTimeout_FailedForARetryNotSkipped()
    {
        var from = temp.Combine("upstream");
        WriteExercise(from, "slow-gold", stub: "def add(a, b):\n    pass\n", example: "import time\n\n\ndef add(a, b):\n    time.sleep(60)\n    return a + b\n",
            "import unittest\nfrom adder import add\n\n\nclass AdderTest(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(add(2, 3), 5)\n");

        var report = await importer.ImportAsync(Options(from), new HostSandbox(), null, CancellationToken.None);

        var task = Assert.Single(report.Tasks);
        Assert.Equal(ImportStatus.Failed, task.Status);
        Assert.Contains("per-test timeout in 1 of 1 tests (adder_test.py::AdderTest::test_add)", task.Reason);
        Assert.False(report.Succeeded);
    }

    [Fact]
    public async Task ImportAsync_InterruptedRun_RerunReusesFinishedTasks()
    {
        using var cancel = new CancellationTokenSource();
        var options = Options(Upstream.Quixbugs, "gcd,kth,pascal");
        options.Parallelism = 1;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            importer.ImportAsync(options, new HostSandbox(), new SyncProgress(_ => cancel.Cancel()), cancel.Token));

        Assert.False(Directory.Exists(options.Out));
        var sandbox = new HostSandbox();
        var report = await importer.ImportAsync(options, sandbox, null, CancellationToken.None);
        Assert.True(report.Succeeded, report.Error);
        Assert.Equal(["gcd"], report.Tasks.Where(t => t.Reused).Select(t => t.InstanceId));
        Assert.Equal(4, sandbox.ScoreRuns);
        Assert.Equal(["gcd", "kth", "pascal"], LoadSuite(report).Tasks.Select(t => t.InstanceId));
        Assert.False(Directory.Exists(temp.Combine(".out.importing")));
    }

    [Fact]
    public async Task ImportAsync_ExistingSuite_IsReplacedAsAWhole()
    {
        var options = Options(Upstream.Quixbugs, "gcd");
        Directory.CreateDirectory(Path.Combine(options.Out, "tasks", "stale"));
        File.WriteAllText(Path.Combine(options.Out, "suite.json"), "{\"name\":\"old\",\"version\":\"1\"}");
        File.WriteAllText(Path.Combine(options.Out, "stray.txt"), "from the old suite");

        var report = await importer.ImportAsync(options, new HostSandbox(), null, CancellationToken.None);

        Assert.True(report.Succeeded, report.Error);
        Assert.False(File.Exists(Path.Combine(options.Out, "stray.txt")));
        Assert.Equal(["gcd"], LoadSuite(report).Tasks.Select(t => t.InstanceId));
    }

    [Fact]
    public async Task ImportAsync_OutIsNotASuite_RefusesAndLeavesItAlone()
    {
        var options = Options(Upstream.Quixbugs, "gcd");
        Directory.CreateDirectory(options.Out);
        File.WriteAllText(Path.Combine(options.Out, "precious.txt"), "keep me");
        var sandbox = new HostSandbox();

        var report = await importer.ImportAsync(options, sandbox, null, CancellationToken.None);

        Assert.Contains("is not a suite", report.Error);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(options.Out, "precious.txt")));
        Assert.Equal(0, sandbox.ScoreRuns);
    }

    private ImportOptions Options(string from, string? filter = null) => new() { From = from, Out = temp.Combine("out"), TaskFilter = filter };

    private static SuiteSpec LoadSuite(ImportReport report)
    {
        var loaded = SuiteLoader.Load(report.OutDirectory!, requireGoldPatch: true);
        Assert.True(loaded.IsValid, loaded.Describe());
        return loaded.Suite!;
    }

    /// <summary>An exercise in the Polyglot layout, written for the test.</summary>
    private static void WriteExercise(string root, string slug, string stub, string example, string tests)
    {
        var dir = Path.Combine(root, slug);
        Directory.CreateDirectory(Path.Combine(dir, ".meta"));
        Directory.CreateDirectory(Path.Combine(dir, ".docs"));
        File.WriteAllText(Path.Combine(dir, ".meta", "config.json"),
            """{ "files": { "solution": ["adder.py"], "test": ["adder_test.py"], "example": [".meta/example.py"] } }""");
        File.WriteAllText(Path.Combine(dir, ".docs", "instructions.md"), "# Instructions\n\nAdd two numbers.\n");
        File.WriteAllText(Path.Combine(dir, "adder.py"), stub);
        File.WriteAllText(Path.Combine(dir, "adder_test.py"), tests);
        File.WriteAllText(Path.Combine(dir, ".meta", "example.py"), example);
    }

    /// <summary>Reports on the calling thread, so a test sees every report before the import goes on.</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
