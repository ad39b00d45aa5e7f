using Evolver.Archive;
using Evolver.Core;
using LibGit2Sharp;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>
/// A real archive made by <c>evolver init --seed repair</c> in a temporary working directory, with helpers that add
/// variants through the archive library (as the loop would) and run the CLI against it.
/// </summary>
internal sealed class ArchiveTestBed : IDisposable
{
    public TempDirectory Work { get; } = new("evolver-cli-archive");

    public string ArchivePath => Work.Combine("evolver-archive");

    public static string Seed(string name) => Path.Combine(TestPaths.RepoRoot, "archive", "seeds", name);

    /// <summary>Runs <c>evolver init evolver-archive --seed <paramref name="seed"/></c> and checks it succeeded.</summary>
    public async Task InitAsync(string seed = "repair")
    {
        var run = await CliRunner.RunAsync(Work.Path, "init", "evolver-archive", "--seed", seed);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    /// <summary>Runs the CLI in the working directory (where ./evolver-archive is the default archive).</summary>
    public Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(Work.Path, args);

    /// <summary>
    /// Archives a child of <paramref name="parents"/>: the first parent's source with <paramref name="file"/> appended a
    /// comment line, so each child's diff is that one line.
    /// </summary>
    public async Task<VariantRecord> AddChildAsync(
        string[] parents, EvaluationRecord evaluation, string file = "RepairAgent.cs", string? logsDirectory = null)
    {
        using var archive = AgentArchive.Open(ArchivePath);
        var source = Work.Combine("sources", Guid.NewGuid().ToString("N"));
        archive.Export(parents[0], source);
        await File.AppendAllTextAsync(Path.Combine(source, file), $"// change {Guid.NewGuid():N}\n");
        return await archive.CommitVariantAsync(
            new VariantDraft { SourceDirectory = source, Parents = parents, Evaluation = evaluation, LogsDirectory = logsDirectory },
            CancellationToken.None);
    }

    /// <summary>Replaces the note of <paramref name="id"/> with text that is not an evaluation record, with LibGit2Sharp as a damaged clone would have it.</summary>
    public void CorruptNote(string id, string garbage = "{ this is not json")
    {
        using var repo = new Repository(ArchivePath);
        var commit = repo.Refs["refs/evolver/variants/" + id]!.ResolveToDirectReference().Target.Id;
        var someone = new Signature("someone", "someone@example.com", DateTimeOffset.UnixEpoch);
        repo.Notes.Remove(commit, someone, someone, "evolver");
        repo.Notes.Add(commit, garbage, someone, someone, "evolver");
    }

    public static EvaluationRecord Evaluated(double score, string mutator = "gp", string description = "a change", bool admitted = true) => new()
    {
        Status = VariantStatus.Evaluated,
        Admitted = admitted,
        Score = score,
        Mutator = mutator,
        MutationDescription = description,
        CostUsd = 0.25,
        Tasks =
        [
            new TaskRecord { InstanceId = "quixbugs-gcd", Outcome = TaskOutcome.Resolved, Duration = TimeSpan.FromSeconds(2) },
            new TaskRecord { InstanceId = "quixbugs-bitcount", Outcome = TaskOutcome.Unresolved, Reason = "1 FAIL_TO_PASS test still fails" },
        ],
        Stages = [new StageRecord("screen", 2, 1, true)],
    };

    public static EvaluationRecord CompileFailed(string mutator = "gp") => new()
    {
        Status = VariantStatus.CompileFailed,
        Admitted = false,
        Mutator = mutator,
        MutationDescription = "deleted a statement",
        Diagnostics = ["compile-error: RepairAgent.cs:10:5: error CS0103: The name 'x' does not exist in the current context"],
        Flags = ["compile-error"],
    };

    public void Dispose() => Work.Dispose();
}
