using System.Runtime.CompilerServices;
using Evolver.Core;
using Evolver.Mutation.Tests.Llm;
using Evolver.Sandbox;
using Evolver.Suites;
using Serilog;
using Xunit;

namespace Evolver.Mutation.Tests;

/// <summary>
/// A real Docker sandbox, a few QuixBugs tasks imported from the upstream benchmark with the real importer, and the
/// repair seed built with AgentBuilder: what the repair seed's tests run on.
/// </summary>
public sealed class RepairSandboxFixture : IAsyncLifetime
{
    /// <summary>QuixBugs programs whose one-line bugs the seed's templates cover, and that run fast.</summary>
    public const string Tasks = "gcd,bitcount,sieve,detect_cycle,next_palindrome,pascal";

    private readonly string work = Directory.CreateTempSubdirectory("evolver-repair-tests-").FullName;
    private DockerSandbox? sandbox;

    public DockerSandbox Sandbox => sandbox ?? throw new InvalidOperationException("fixture not initialised");

    public SuiteSpec Suite { get; private set; } = null!;

    public AgentArtifact Agent { get; private set; } = null!;

    /// <summary>The upstream QuixBugs folder beside the repository.</summary>
    public static string Upstream([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "shared", "benchmarks", "quixbugs"));

    public string Work => work;

    public async Task InitializeAsync()
    {
        sandbox = await DockerSandbox.CreateAsync(new SandboxOptions(), new LoggerConfiguration().CreateLogger(), TimeProvider.System, null, CancellationToken.None);
        var import = await new SuiteImporter(TimeProvider.System).ImportAsync(
            new ImportOptions { From = Upstream(), Out = Path.Combine(work, "quixbugs"), TaskFilter = Tasks },
            sandbox,
            null,
            CancellationToken.None);
        Assert.True(import.Succeeded, import.Error);
        var loaded = SuiteLoader.Load(import.OutDirectory!);
        Assert.True(loaded.IsValid, loaded.Describe());
        Suite = loaded.Suite!;
        await sandbox.PrepareAsync(Suite.Tasks.Select(t => t.Image), CancellationToken.None);

        var built = await new AgentBuilder(new AgentBuilderOptions(), TimeProvider.System)
            .BuildAsync(SeedPaths.Seed("repair"), Path.Combine(work, "agent"), CancellationToken.None);
        Assert.True(built.Succeeded, built.Describe());
        Assert.Empty(built.Diagnostics);
        Agent = built.Artifact;
    }

    public async Task DisposeAsync()
    {
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }

        Directory.Delete(work, recursive: true);
    }
}
