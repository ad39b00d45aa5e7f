using System.Globalization;
using Evolver.Archive;
using Evolver.Core;
using Xunit;
using Xunit.Abstractions;

namespace Evolver.Cli.Tests;

/// <summary>
/// Small real runs (real sandbox, real git archive, the repair seed and the gp mutator): one in-process, interrupted by
/// cancellation and resumed; one in a process of its own, killed with SIGKILL at random moments and resumed each time.
/// Both must finish by their budget with every iteration archived exactly once.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class RunLoopTests(DockerFixture docker, ITestOutputHelper output) : IDisposable
{
    private const int Iterations = 6;
    private const int RngSeed = 7;

    private readonly RunTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Run_InterruptedThenResumed_FinishesByItsBudgetWithPlotLogAndStatus()
    {
        docker.RequireEngine();
        var (quixbugs, import) = await docker.ImportAsync("quixbugs", "quixbugs", "quixbugs");
        Assert.True(import.ExitCode == 0, import.ToString());
        var config = bed.Write(bed.Config(bed.Subset(quixbugs, "kth", "levenshtein"), iterations: 3));

        // Started from an archive `evolver init` made: its pending seed (v0) is evaluated in place, no seed is added.
        var init = await CliRunner.RunAsync(bed.Work.Path, "init", bed.ArchivePath, "--seed", RunTestBed.RepairSeed);
        Assert.True(init.ExitCode == 0, init.ToString());

        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var env = CliEnvironment.ForWriters(TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), bed.Work.Path, TimeProvider.System, repoRoot: TestPaths.RepoRoot);
        var running = Program.RunAsync(["run", "--config", config], env, cts.Token);
        while (!running.IsCompleted && !await SeedArchivedAsync())
        {
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(2)));
        }

        await cts.CancelAsync();
        var first = await running;
        output.WriteLine(stdout.ToString());
        Assert.True(first == ExitCodes.Cancelled, $"exit {first}: {stderr}");
        var interrupted = await bed.StateAsync();
        Assert.Equal(RunStatus.Interrupted, interrupted.Status);
        Assert.Contains("evolver resume", stdout.ToString());

        var resume = await CliRunner.RunAsync(bed.Work.Path, "resume", bed.ArchivePath);
        output.WriteLine(resume.ToString());
        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Contains("the run.iterations budget ended it", resume.Out);

        var state = await bed.StateAsync();
        var (found, _, variants) = bed.Check();
        Assert.Equal(RunStatus.Finished, state.Status);
        Assert.Equal(2, state.Sessions);
        Assert.Equal(3, state.Iterations);
        Assert.Empty(found.Findings);
        Assert.Equal(["v0", "v1", "v2", "v3"], variants.Select(v => v.Id).Order());
        var seed = Assert.Single(state.History, h => h.Kind == ChildKind.Seed);
        Assert.Equal("v0", seed.Id);
        Assert.Equal((VariantStatus.Evaluated, 2, true), (seed.Status, seed.Tasks, seed.Admitted));
        Assert.All(state.History, h => Assert.True(h.Descriptors.GetValueOrDefault(SelectionCandidate.SyntaxSize) > 100, $"{h.Id} has no syntax size"));
        Assert.All(variants.Where(v => v.Id != "v0"), v => Assert.Equal("gp", v.Mutator));

        using (var archive = AgentArchive.Open(bed.ArchivePath))
        using (var store = RunStore.Open(archive))
        {
            var png = await store.ReadFileAsync("score.png", CancellationToken.None);
            Assert.NotNull(png);
            Assert.Equal("PNG"u8.ToArray(), png[1..4]);
            var child = archive.GetVariant("v1");
            Assert.Contains(Assert.Single(child.Parents), variants.Select(v => v.Id));
            Assert.NotNull(child.Logs);
        }

        Assert.True(File.Exists(Path.Combine(bed.ArchivePath, "run", "score.png")));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(bed.ArchivePath, "run"), "log-*.json").Length);

        var status = await CliRunner.RunAsync(bed.Work.Path, "status", bed.ArchivePath);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("finished: the run.iterations budget ended it", status.Out);
        Assert.Contains("iterations 3/3", status.Out);
        Assert.Contains("v0", status.Out);
    }

    [Fact]
    public async Task Resume_AfterKillsAtRandomMoments_EveryIterationArchivedOnceAndStreamContinues()
    {
        docker.RequireEngine();
        var (polyglot, import) = await docker.ImportAsync("polyglot-python", "polyglot/python", "polyglot");
        Assert.True(import.ExitCode == 0, import.ToString());
        var suite = bed.Subset(polyglot, "bowling", "grep", "dominoes", "poker");
        var config = bed.Write(bed.Config(suite, Iterations, RngSeed));

        // The kill moments are random, but from a logged seed, so a failure can be replayed.
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"kill moments drawn with seed {seed}");
        string[] args = ["run", "--config", config];
        var kills = 0;
        var finished = false;
        for (var round = 0; round < 4; round++)
        {
            // Kill after a random number of the run's events (a job started or archived), then a random moment more,
            // so kills land all over a job's life: planning, mutation, evaluation, archiving, saving the state.
            var events = 1 + random.Next(4);
            var extra = TimeSpan.FromSeconds(random.NextDouble() * 2.5);
            using var process = RunTestBed.Start(bed.Work.Path, args);
            var seen = 0;
            var lines = new List<string>();
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var pump = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    lines.Add(line);
                    if ((line.Contains(": iteration ", StringComparison.Ordinal) || line.Contains(": Evaluated", StringComparison.Ordinal)) && ++seen >= events)
                    {
                        reached.TrySetResult();
                    }
                }

                reached.TrySetResult();
            });
            var stderr = process.StandardError.ReadToEndAsync();
            await reached.Task.WaitAsync(TimeSpan.FromMinutes(4));
            var exited = process.WaitForExit(extra);
            if (!exited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                kills++;
            }

            await pump;
            output.WriteLine($"round {round}: {(exited ? "exited " + process.ExitCode : $"killed {extra.TotalSeconds:0.0} s after event {events}")}; last line: {lines.LastOrDefault()}");
            if (exited)
            {
                Assert.True(process.ExitCode == 0, string.Join(Environment.NewLine, lines) + await stderr);
                finished = true;
                break;
            }

            // Once the archive holds the run, later rounds resume it; before that, the run is started again.
            args = Directory.Exists(bed.ArchivePath) && HasRun() ? ["resume", bed.ArchivePath] : args;
        }

        if (!finished)
        {
            using var last = RunTestBed.Start(bed.Work.Path, args);
            var stdout = last.StandardOutput.ReadToEndAsync();
            var stderr = last.StandardError.ReadToEndAsync();
            Assert.True(last.WaitForExit(TimeSpan.FromMinutes(8)), "the final resume did not finish within 8 minutes");
            output.WriteLine(await stdout);
            Assert.True(last.ExitCode is 0, $"exit {last.ExitCode}: {await stderr}");
        }

        output.WriteLine($"{kills} kills");
        var state = await bed.StateAsync();
        var (found, after, variants) = bed.Check();
        output.WriteLine(string.Join(Environment.NewLine, found.Findings.Select(f => $"{f.Kind} {f.Subject}: {f.Message}")));

        Assert.Equal(RunStatus.Finished, state.Status);
        Assert.Equal("run.iterations", state.EndedBy);
        Assert.Empty(state.InFlight);
        Assert.Equal(Iterations, state.Iterations);

        // Only what a kill can leave, and fsck repairs: nothing that holds data is wrong.
        Assert.True(found.IsConsistent, string.Join("; ", found.Findings.Where(f => !f.Repaired).Select(f => f.Message)));
        Assert.Empty(after.Findings);

        // Every iteration is one child variant, and every archived variant appears once in the history.
        var children = variants.Where(v => v.Id != "repair").Select(v => v.Id).Order().ToList();
        Assert.Equal(Enumerable.Range(0, Iterations).Select(i => "v" + i).Order(), children);
        Assert.Equal(state.History.Count, state.History.Select(h => h.Id).Distinct().Count());
        Assert.Equal(variants.Select(v => v.Id).Order(), state.History.Select(h => h.Id).Order());
        Assert.Equal(Enumerable.Range(1, Iterations).Select(i => (long)i), state.History.Where(h => h.Kind == ChildKind.Child).Select(h => h.Iteration).Order());
        Assert.All(variants, v => Assert.NotEqual(VariantStatus.Pending, v.Status));

        // The seed ran the tasks in the children's order (from the run's seed), so their scores compare like for like.
        using (var archive = AgentArchive.Open(bed.ArchivePath))
        {
            var order = archive.GetVariant("repair").Evaluation.Tasks.Select(t => t.InstanceId).ToList();
            Assert.Equal(4, order.Count);
            foreach (var child in variants.Where(v => v.Status == VariantStatus.Evaluated && v.Id != "repair"))
            {
                Assert.Equal(order, archive.GetVariant(child.Id).Evaluation.Tasks.Select(t => t.InstanceId));
            }
        }

        // Each child draws three numbers (mutator, parent, mutation seed): the stream ends exactly 3 × iterations on.
        Assert.Equal(ReferenceState(RngSeed, 3 * Iterations), state.Rng);
        Assert.True(state.Sessions >= 2 || kills == 0, $"{kills} kills but {state.Sessions} sessions");
    }

    private bool HasRun()
    {
        try
        {
            using var archive = AgentArchive.Open(bed.ArchivePath);
            using var store = RunStore.Open(archive);
            return store.ReadRunStateAsync(CancellationToken.None).GetAwaiter().GetResult() is not null;
        }
        catch (ArchiveException)
        {
            return false;
        }
    }

    /// <summary>xoshiro256** seeded through SplitMix64, advanced <paramref name="draws"/> times; written out here to check the run's own.</summary>
    private static string ReferenceState(long seed, int draws)
    {
        var x = (ulong)seed;
        ulong Split()
        {
            var z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        ulong[] s = [Split(), Split(), Split(), Split()];
        for (var i = 0; i < draws; i++)
        {
            var t = s[1] << 17;
            s[2] ^= s[0];
            s[3] ^= s[1];
            s[1] ^= s[2];
            s[0] ^= s[3];
            s[2] ^= t;
            s[3] = ulong.RotateLeft(s[3], 45);
        }

        return string.Join(':', s.Select(w => w.ToString("x16", CultureInfo.InvariantCulture)));
    }

    private async Task<bool> SeedArchivedAsync()
    {
        try
        {
            return (await bed.StateAsync()).History.Count > 0;
        }
        catch (Exception e) when (e is ArchiveException or Xunit.Sdk.XunitException)
        {
            return false;
        }
    }
}
