using System.Text.Json.Nodes;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>
/// <c>evolver run</c>'s config: the embedded default, a file merged over it, flags over both, every bad value refused
/// at start with its key named, before any archive or container exists.
/// </summary>
public sealed class RunConfigTests : IDisposable
{
    private readonly TempDirectory work = new("evolver-run-config");

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task Run_PrintConfigWithoutArguments_ShowsTheEmbeddedDefault()
    {
        var run = await CliRunner.RunAsync(work.Path, "run", "--print-config");

        Assert.True(run.ExitCode == 0, run.ToString());
        var config = JsonNode.Parse(run.Out)!;
        Assert.Equal(work.Combine("evolver-archive"), (string)config["archive"]!);
        Assert.Equal(["repair"], config["seeds"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["quixbugs"], config["suites"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["gp", "gp"], config["mutators"]!.AsArray().Select(m => (string)m!["name"]!));
        Assert.Equal("constant", (string)config["mutators"]![0]!["options"]!["operators"]!);
        Assert.Equal("dgm", (string)config["stages"]!["plan"]!);
        Assert.True((int)config["budgets"]!["run"]!["iterations"]! > 0);
        Assert.False(Directory.Exists(work.Combine("evolver-archive")), "printing the config must not create the archive");
    }

    [Fact]
    public void WithTimeLimit_DefaultConfig_GivesGpTheAgentTimeLimitUnlessItsOptionsSetOne()
    {
        var settings = RunSettings.Read(RunConfig.Default(work.Path));
        var constant = RunMutators.WithTimeLimit(settings.Mutators[0].Options, settings.AgentTimeoutSeconds);

        Assert.Equal(60, settings.AgentTimeoutSeconds);
        Assert.Equal("constant", constant["operators"]);
        Assert.Equal("60", constant[Mutation.GpMutator.TimeLimitOption]);
        var own = new Dictionary<string, string> { [Mutation.GpMutator.TimeLimitOption] = "90" };
        Assert.Equal("90", RunMutators.WithTimeLimit(own, 60)[Mutation.GpMutator.TimeLimitOption]);
        Assert.Same(own, RunMutators.WithTimeLimit(own, null));
    }

    [Fact]
    public async Task Run_ConfigFileAndFlags_MergeWithFlagsWinningAndPathsResolvedWhereWritten()
    {
        var folder = Directory.CreateDirectory(work.Combine("configs")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "run.json"), """
            {
              // comments are allowed
              "archive": "../archives/a1",
              "suites": ["./my-suite", "quixbugs"],
              "budgets": { "run": { "iterations": 3 } },
              "selector": { "name": "hgm", "hgm_temperature": 2 },
            }
            """);

        var run = await CliRunner.RunAsync(work.Path, "run", "--config", "configs/run.json", "--print-config", "--wall-clock", "5", "--seed", "seeds/mine", "--mutator", "gp=3", "--mutator", "self");

        Assert.True(run.ExitCode == 0, run.ToString());
        var config = JsonNode.Parse(run.Out)!;
        Assert.Equal(work.Combine("archives", "a1"), (string)config["archive"]!);
        Assert.Equal([Path.Combine(folder, "my-suite"), "quixbugs"], config["suites"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(work.Combine("seeds", "mine"), (string)config["seeds"]![0]!);
        Assert.Equal(3, (int)config["budgets"]!["run"]!["iterations"]!);
        Assert.Equal(5, (double)config["budgets"]!["run"]!["wall_clock_minutes"]!);
        Assert.Equal("hgm", (string)config["selector"]!["name"]!);
        Assert.Equal(2, (double)config["selector"]!["hgm_temperature"]!);
        Assert.Equal(3, (double)config["mutators"]![0]!["weight"]!);
        Assert.Equal("self", (string)config["mutators"]![1]!["name"]!);
        Assert.Equal(2, (int)config["parallelism"]!);
    }

    [Theory]
    [InlineData("""{ "parallelism": 0 }""", "config key 'parallelism'")]
    [InlineData("""{ "budgets": { "run": { "iterationz": 3 } } }""", "config key 'budgets.run.iterationz': is not a known key")]
    [InlineData("""{ "budgets": { "child": { "iterations": 3 } } }""", "config key 'budgets.child.iterations'")]
    [InlineData("""{ "budgets": { "run": { "dollars": -1 } } }""", "config key 'budgets.run.dollars'")]
    [InlineData("""{ "selector": { "name": "best_of" } }""", "config key 'selector.name': must be one of dgm,")]
    [InlineData("""{ "selector": { "name": "novelty", "novelty_weight": 2 } }""", "config key 'selector.novelty_weight'")]
    [InlineData("""{ "stages": { "plan": "fixed", "stages": [{ "name": "s", "tasks": 0 }] } }""", "config key 'stages.stages[0].tasks'")]
    [InlineData("""{ "stages": { "plan": "incremental", "batch_size": 5, "z": -1 } }""", "config key 'stages.z'")]
    [InlineData("""{ "admission": { "policy": "keep_some" } }""", "config key 'admission.policy'")]
    [InlineData("""{ "mutators": [{ "name": "gp", "parents": 3 }] }""", "config key 'mutators[0].parents'")]
    [InlineData("""{ "mutators": [{ "name": "llm" }] }""", "config key 'llm'")]
    [InlineData("""{ "mutators": [] }""", "config key 'mutators'")]
    [InlineData("""{ "suites": [] }""", "config key 'suites'")]
    [InlineData("""{ "seed": ["repair"] }""", "config key 'seed': is not a known key")]
    [InlineData("""[1, 2]""", "must hold a JSON object")]
    [InlineData("""{ "rng_seed": 1.5 }""", "config key 'rng_seed'")]
    public async Task Run_BadConfig_ExitsTwoNamingTheKey(string json, string expected)
    {
        await File.WriteAllTextAsync(work.Combine("bad.json"), json);

        var run = await CliRunner.RunAsync(work.Path, "run", "--config", "bad.json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Error);
        Assert.False(Directory.Exists(work.Combine("evolver-archive")), "a refused config must not create the archive");
    }

    [Fact]
    public async Task Run_BadFlagValue_ExitsTwoNamingTheConfigKey()
    {
        var run = await CliRunner.RunAsync(work.Path, "run", "--iterations", "0");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("config key 'budgets.run.iterations'", run.Error);
    }

    [Fact]
    public async Task Run_UnknownSuiteName_ExitsTwoSayingWhatNamesExist()
    {
        var run = await CliRunner.RunAsync(work.Path, "run", "--suite", "no-such-suite", "--archive", "a");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("suites[0]", run.Error);
        Assert.Contains("quixbugs", run.Error);
        Assert.False(Directory.Exists(work.Combine("a")));
    }

    [Fact]
    public async Task Run_MissingConfigFile_ExitsTwoNamingIt()
    {
        var run = await CliRunner.RunAsync(work.Path, "run", "--config", "nope.json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(work.Combine("nope.json"), run.Error);
    }

    [Fact]
    public async Task ResumeAndStatus_NoArchive_ExitTwo()
    {
        var resume = await CliRunner.RunAsync(work.Path, "resume", "missing");
        var status = await CliRunner.RunAsync(work.Path, "status", "missing");

        Assert.True(resume.ExitCode == 2, resume.ToString());
        Assert.True(status.ExitCode == 2, status.ToString());
        Assert.Contains("not an Evolver archive", status.Error);
    }

    [Fact]
    public async Task Status_ArchiveWithoutRun_SaysHowToStartOne()
    {
        var init = await CliRunner.RunAsync(work.Path, "init", "evolver-archive", "--seed", "repair");
        Assert.True(init.ExitCode == 0, init.ToString());

        var status = await CliRunner.RunAsync(work.Path, "status");
        var resume = await CliRunner.RunAsync(work.Path, "resume");

        Assert.True(status.ExitCode == 2, status.ToString());
        Assert.Contains("holds no run", status.Error);
        Assert.Contains("evolver run", status.Error);
        Assert.True(resume.ExitCode == 2, resume.ToString());
    }
}
