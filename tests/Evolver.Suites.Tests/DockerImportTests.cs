using Evolver.Core;
using Evolver.Sandbox;
using Serilog;
using Xunit;

namespace Evolver.Suites.Tests;

/// <summary>One real Docker sandbox for the import tests that run in containers.</summary>
public sealed class DockerSandboxFixture : IAsyncLifetime
{
    private DockerSandbox? sandbox;

    public DockerSandbox Sandbox => sandbox ?? throw new InvalidOperationException("fixture not initialised");

    public async Task InitializeAsync()
    {
        sandbox = await DockerSandbox.CreateAsync(new SandboxOptions(), new LoggerConfiguration().CreateLogger(), TimeProvider.System, null, CancellationToken.None);
        await sandbox.PrepareAsync(["evolver-python", "evolver-dotnet"], CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }
    }
}

/// <summary>Imports validated in the real Docker sandbox, the way `evolver import` runs them; they agree with the host runs.</summary>
public sealed class DockerImportTests(DockerSandboxFixture docker) : IClassFixture<DockerSandboxFixture>, IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly SuiteImporter importer = new(TimeProvider.System);

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task ImportAsync_PythonTasksInContainers_SameTestListsAsOnTheHost()
    {
        foreach (var (from, filter) in new[] { (Upstream.Quixbugs, "gcd,detect_cycle,levenshtein"), (Upstream.Polyglot, "tree-building,zebra-puzzle") })
        {
            var inDocker = await ImportAsync(from, filter, "docker", docker.Sandbox);
            var onHost = await ImportAsync(from, filter, "host", new HostSandbox());

            Assert.Equal(onHost.Tasks.Select(t => t.InstanceId), inDocker.Tasks.Select(t => t.InstanceId));
            foreach (var (d, h) in inDocker.Tasks.Zip(onHost.Tasks))
            {
                Assert.Equal(h.FailToPass, d.FailToPass);
                Assert.Equal(h.PassToPass, d.PassToPass);
                Assert.Equal(h.VisibleTests, d.VisibleTests);
            }
        }
    }

    [Fact]
    public async Task ImportAsync_CsharpTasksInContainers_RestoreOfflineOrSkipWithTheReason()
    {
        var report = await importer.ImportAsync(
            new ImportOptions { From = Upstream.ExercismCsharp, Out = temp.Combine("cs"), TaskFilter = "accumulate,hangman" }, docker.Sandbox, null, CancellationToken.None);

        Assert.True(report.Succeeded, report.Error + string.Join("\n", report.Tasks.Select(t => t.Reason)));
        var accumulate = Assert.Single(Load(report).Tasks);
        Assert.Equal(6, accumulate.FailToPass.Count);
        Assert.All(accumulate.FailToPass, id => Assert.StartsWith("AccumulateTests.Accumulate_", id));
        var hangman = report.Tasks.Single(t => t.InstanceId == "hangman");
        Assert.Equal(ImportStatus.Skipped, hangman.Status);
        Assert.Contains("Microsoft.Reactive.Testing", hangman.Reason);

        // The written task scores as SWE-bench requires: the gold patch resolves it, the empty patch does not.
        var gold = await docker.Sandbox.ScoreAsync(accumulate, File.ReadAllText(accumulate.GoldPatchPath!), CancellationToken.None);
        Assert.True(ScoreVerdict.Judge(accumulate, gold.Tests).Resolved, gold.Reason + gold.OutputTail);
        var empty = await docker.Sandbox.ScoreAsync(accumulate, "", CancellationToken.None);
        Assert.False(ScoreVerdict.Judge(accumulate, empty.Tests).Resolved);
    }

    private async Task<SuiteSpec> ImportAsync(string from, string filter, string name, ISandbox sandbox)
    {
        var report = await importer.ImportAsync(new ImportOptions { From = from, Out = temp.Combine(name), TaskFilter = filter }, sandbox, null, CancellationToken.None);
        Assert.True(report.Succeeded, report.Error + string.Join("\n", report.Tasks.Select(t => t.Reason)));
        Assert.All(report.Tasks, t => Assert.True(t.Status == ImportStatus.Imported, $"{name}: {t.InstanceId}: {t.Status}: {t.Reason}"));
        return Load(report);
    }

    private static SuiteSpec Load(ImportReport report)
    {
        var loaded = SuiteLoader.Load(report.OutDirectory!, requireGoldPatch: true);
        Assert.True(loaded.IsValid, loaded.Describe());
        return loaded.Suite!;
    }
}
