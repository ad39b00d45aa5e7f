using System.Diagnostics;
using System.Text.Json.Nodes;
using Evolver.Archive;
using Evolver.Core;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>A working folder for run tests: small suites cut from imported ones, configs, and readers of the run's archive.</summary>
internal sealed class RunTestBed : IDisposable
{
    public TempDirectory Work { get; } = new("evolver-run");

    /// <summary>The run's archive, named as the default one, so the main job (no verb) started in <see cref="Work"/> finds it.</summary>
    public string ArchivePath => Work.Combine("evolver-archive");

    public static string RepairSeed => Path.Combine(TestPaths.RepoRoot, "archive", "seeds", "repair");

    /// <summary>A suite holding only <paramref name="ids"/> of the suite in <paramref name="suite"/>, copied into the working folder.</summary>
    public string Subset(string suite, params string[] ids)
    {
        var target = Work.Combine("suite-" + Path.GetFileName(suite));
        Directory.CreateDirectory(Path.Combine(target, "tasks"));
        File.Copy(Path.Combine(suite, "suite.json"), Path.Combine(target, "suite.json"));
        foreach (var id in ids)
        {
            Copy(Path.Combine(suite, "tasks", id), Path.Combine(target, "tasks", id));
        }

        return target;
    }

    /// <summary>A config over the embedded default: one seed, <paramref name="suite"/>, the gp mutator, every task, no early stop.</summary>
    public JsonObject Config(string suite, int iterations, int rngSeed = 7) => new()
    {
        ["archive"] = ArchivePath,
        ["seeds"] = new JsonArray(RepairSeed),
        ["suites"] = new JsonArray(suite),
        ["stages"] = new JsonObject { ["plan"] = "all" },
        ["parallelism"] = 2,
        ["budgets"] = new JsonObject { ["run"] = new JsonObject { ["iterations"] = iterations } },
        ["rng_seed"] = rngSeed,
        ["agent_timeout_seconds"] = 60,
    };

    public string Write(JsonObject config)
    {
        var path = Work.Combine("run.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    public async Task<RunState> StateAsync()
    {
        using var archive = AgentArchive.Open(ArchivePath);
        using var store = RunStore.Open(archive);
        var json = await store.ReadRunStateAsync(CancellationToken.None);
        Assert.NotNull(json);
        return RunState.Parse(json);
    }

    public (FsckReport Found, FsckReport After, IReadOnlyList<VariantSummary> Variants) Check()
    {
        using var archive = AgentArchive.Open(ArchivePath);
        var found = archive.Fsck(repair: true);
        return (found, archive.Fsck(repair: false), archive.ListVariants());
    }

    /// <summary>Starts the evolver command as a process of its own, so a test can kill it.</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "evolver.dll"), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    public void Dispose() => Work.Dispose();

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
