using System.Text;
using Evolver.Archive;
using Evolver.Core;

namespace Evolver.Web;

/// <summary>
/// The archive as the web UI reads it, through <see cref="AgentArchive"/>'s public API: a snapshot of every variant
/// (rebuilt only when <see cref="ArchiveVersion"/> moves), a variant's record, diff, logs and transcripts.
/// Thread-safe.
/// </summary>
internal sealed class ArchiveView : IDisposable
{
    /// <summary>Diff rows beyond this are left out (and the diff says so): a browser table of more stays slow.</summary>
    public const int MaxDiffRows = 20_000;

    private readonly AgentArchive archive;
    private readonly RunStore run;
    private readonly LogStore logs;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly int pollMilliseconds;
    private ArchiveSnapshot? snapshot;

    private ArchiveView(AgentArchive archive, int pollMilliseconds)
    {
        this.archive = archive;
        this.pollMilliseconds = pollMilliseconds;
        run = RunStore.Open(archive);
        logs = new LogStore(archive);
    }

    public string Path => archive.Path;

    /// <summary>Opens the archive at <paramref name="path"/>; throws <see cref="ArchiveException"/> naming it when it is not one.</summary>
    public static ArchiveView Open(string path, int pollMilliseconds)
    {
        var archive = AgentArchive.Open(path);
        try
        {
            return new ArchiveView(archive, pollMilliseconds);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    public string Version() => ArchiveVersion.Read(archive.Path);

    public async Task<ArchiveSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var version = Version();
        if (snapshot is { } current && current.Version == version)
        {
            return current;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (snapshot is { } again && again.Version == version)
            {
                return again;
            }

            // The version is read before the rows: a write in between only makes the next poll rebuild once more.
            var rows = archive.ListVariants();
            var (iterations, info) = await ReadRunAsync(cancellationToken).ConfigureAwait(false);
            var built = SnapshotBuilder.Build(rows, iterations, archive.Path, version, info);
            snapshot = built with { Summary = built.Summary with { PollMilliseconds = pollMilliseconds } };
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Variant <paramref name="id"/> in full, or null when the archive has no such variant.</summary>
    public async Task<VariantDetail?> DetailAsync(string id, CancellationToken cancellationToken)
    {
        var snap = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        if (!snap.ById.TryGetValue(id, out var node))
        {
            return null;
        }

        var (record, problem) = Record(id);
        var files = LogFiles(id, record);
        return new VariantDetail
        {
            Variant = node,
            Commit = record?.Commit,
            Evaluation = record?.Evaluation,
            Problem = problem,
            Logs = files.Select(f => new LogFile(f.Key, f.Value.LongLength)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList(),
            Transcripts = files.Where(f => TranscriptReader.IsTranscript(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => TranscriptReader.Read(f.Key, Encoding.UTF8.GetString(f.Value))).ToList(),
            ChildIds = snap.Nodes.Where(n => n.Parents.Contains(id, StringComparer.Ordinal)).Select(n => n.Id).ToList(),
        };
    }

    /// <summary>
    /// The side-by-side diff of <paramref name="id"/> against <paramref name="against"/>, or against its first parent when
    /// that is null; null and the unknown id when either variant is not in the archive.
    /// </summary>
    public async Task<(DiffView? Diff, string? Unknown)> DiffAsync(string id, string? against, CancellationToken cancellationToken)
    {
        var snap = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        if (!snap.ById.TryGetValue(id, out var node))
        {
            return (null, id);
        }

        if (against is not null && !snap.ById.ContainsKey(against))
        {
            return (null, against);
        }

        var unified = against is null ? archive.Diff(id) : archive.Diff(against, id);
        var files = SideBySideDiff.Parse(unified);
        var kept = new List<DiffFile>();
        var rows = 0;
        foreach (var file in files)
        {
            var room = Math.Max(0, MaxDiffRows - rows);
            kept.Add(file.Rows.Count <= room ? file : file with { Rows = file.Rows.Take(room).ToList() });
            rows += file.Rows.Count;
        }

        return (new DiffView(against ?? node.Parents.FirstOrDefault(), id, kept, rows > MaxDiffRows), null);
    }

    /// <summary>A file of variant <paramref name="id"/>'s logs, or null when the variant or the file is not there.</summary>
    public async Task<byte[]?> LogFileAsync(string id, string path, CancellationToken cancellationToken)
    {
        var snap = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        if (!snap.ById.ContainsKey(id))
        {
            return null;
        }

        var (record, _) = Record(id);
        return LogFiles(id, record).GetValueOrDefault(path);
    }

    /// <summary>The evaluation record of every variant, for the static report; a variant git cannot give gets its problem instead.</summary>
    public IReadOnlyDictionary<string, VariantDetail> AllDetails(ArchiveSnapshot snap) =>
        snap.Nodes.ToDictionary(
            n => n.Id,
            n =>
            {
                var (record, problem) = Record(n.Id);
                return new VariantDetail
                {
                    Variant = n, Commit = record?.Commit, Evaluation = record?.Evaluation, Problem = problem, Logs = [], Transcripts = [],
                    ChildIds = [],
                };
            },
            StringComparer.Ordinal);

    public void Dispose()
    {
        run.Dispose();
        archive.Dispose();
        gate.Dispose();
    }

    private (VariantRecord? Record, string? Problem) Record(string id)
    {
        try
        {
            return (archive.GetVariant(id), null);
        }
        catch (ArchiveException e)
        {
            return (null, e.Message);
        }
    }

    private IReadOnlyDictionary<string, byte[]> LogFiles(string id, VariantRecord? record)
    {
        if (record?.Logs is not { } commit)
        {
            return new Dictionary<string, byte[]>();
        }

        try
        {
            return logs.Files(id, commit);
        }
        catch (ArchiveException)
        {
            // The logs commit is missing (fsck reports it); the page shows the variant without logs.
            return new Dictionary<string, byte[]>();
        }
    }

    private async Task<(IReadOnlyDictionary<string, long>? Iterations, RunInfo? Info)> ReadRunAsync(CancellationToken cancellationToken)
    {
        var json = await run.ReadRunStateAsync(cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return (null, null);
        }

        RunState state;
        try
        {
            state = RunState.Parse(json);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            // A state this build cannot read: the page still shows the variants, ordered by creation.
            return (null, null);
        }

        var iterations = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in state.History)
        {
            iterations[entry.Id] = entry.Iteration;
        }

        var info = new RunInfo(
            state.RunId, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(state.Status.ToString()), state.EndedBy, state.Iterations,
            RunStore.IsRunActive(archive.Path), state.UpdatedAt);
        return (iterations, info);
    }
}
