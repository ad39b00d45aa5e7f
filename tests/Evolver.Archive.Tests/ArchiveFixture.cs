using Evolver.Core;

namespace Evolver.Archive.Tests;

/// <summary>An archive in a temp folder with a seed, plus helpers to write agent sources and records.</summary>
internal sealed class ArchiveFixture : IDisposable
{
    private int sources;

    public ArchiveFixture(TimeProvider? time = null)
    {
        Archive = AgentArchive.Init(ArchivePath, timeProvider: time);
    }

    public TempDirectory Temp { get; } = new();

    public string ArchivePath => Temp.Sub("archive");

    public AgentArchive Archive { get; private set; }

    /// <summary>A source folder holding <paramref name="files"/> (relative path to content).</summary>
    public string Source(params (string Path, string Content)[] files)
    {
        var dir = Temp.Sub("src" + Interlocked.Increment(ref sources));
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        return dir;
    }

    public Task<VariantRecord> SeedAsync(string id = "seed") =>
        Archive.AddSeedAsync(Source(("Agent.cs", "class Agent { }\n")), id, CancellationToken.None);

    public Task<VariantRecord> ChildAsync(string content, double score, params string[] parents) =>
        Archive.CommitVariantAsync(
            new VariantDraft { SourceDirectory = Source(("Agent.cs", content)), Parents = parents, Evaluation = Evaluation(score) },
            CancellationToken.None);

    public static EvaluationRecord Evaluation(double score, bool admitted = true, params (string Task, TaskOutcome Outcome)[] tasks) => new()
    {
        Status = VariantStatus.Evaluated,
        Admitted = admitted,
        Score = score,
        Mutator = "llm",
        MutationDescription = $"score {score}\n\nmore detail",
        Tasks = tasks.Select(t => new TaskRecord { InstanceId = t.Task, Outcome = t.Outcome, Reason = "r", Duration = TimeSpan.FromSeconds(1.5) }).ToList(),
    };

    public void Reopen()
    {
        Archive.Dispose();
        Archive = AgentArchive.Open(ArchivePath);
    }

    public void Dispose()
    {
        Archive.Dispose();
        Temp.Dispose();
    }
}
