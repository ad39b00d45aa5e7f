using System.Text;
using Evolver.Core;
using LibGit2Sharp;

namespace Evolver.Archive;

/// <summary>
/// The evolution loop's view of an archive (<see cref="IVariantStore"/>), plus the run's own place in it: the run state
/// is <c>state.json</c> in the tree of the commit <c>refs/evolver/run</c> points to, replaced atomically under the
/// archive's write lock (a new commit, then one ref update), so a reader or a resumed run sees one whole state. Files
/// attached at the end of a run (its plot and log) sit beside it in the same tree. While a run is active its process
/// holds <c>run.lock</c> in the archive folder; the OS drops it when the process dies.
/// </summary>
public sealed class RunStore : IVariantStore, IDisposable
{
    /// <summary>The ref whose commit holds the run state.</summary>
    public const string StateRef = "refs/evolver/run";

    /// <summary>The run state's file name in that commit's tree.</summary>
    public const string StateFile = "state.json";

    private const string RunLockFile = "run.lock";

    private readonly AgentArchive archive;
    private readonly GitStore git;
    private readonly ArchiveOptions options;
    private readonly TimeProvider time;
    private readonly string lockPath;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, CladeNode> lineage = new(StringComparer.Ordinal);
    private FileStream? runLock;

    private RunStore(AgentArchive archive, GitStore git, ArchiveOptions options, TimeProvider time)
    {
        this.archive = archive;
        this.git = git;
        this.options = options;
        this.time = time;
        lockPath = Path.Combine(git.GitDirectory, ArchiveLayout.LockFile);
    }

    /// <summary>The archive.</summary>
    public AgentArchive Archive => archive;

    /// <summary>The folder for the run's files outside git (its logs): <c>run/</c> inside the archive folder.</summary>
    public string RunDirectory => Path.Combine(git.GitDirectory, "run");

    /// <summary>Wraps an open archive; the caller keeps owning <paramref name="archive"/>.</summary>
    public static RunStore Open(AgentArchive archive, ArchiveOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(archive);
        options ??= new ArchiveOptions();
        options.Validate();
        return new RunStore(archive, GitStore.Open(archive.Path), options, timeProvider ?? TimeProvider.System);
    }

    /// <summary>
    /// Whether a process is running the run in the archive at <paramref name="archivePath"/> right now (it holds
    /// <c>run.lock</c>).
    /// </summary>
    public static bool IsRunActive(string archivePath)
    {
        var path = Path.Combine(archivePath, RunLockFile);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Takes the run lock for the life of this store; false when another process holds it (its run is active).</summary>
    public bool TryAcquireRunLock()
    {
        if (runLock is not null)
        {
            return true;
        }

        try
        {
            runLock = new FileStream(Path.Combine(git.GitDirectory, RunLockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ParentCandidate> ReadSelectionInputs() => archive.ReadSelectionInputs();

    /// <inheritdoc/>
    public IReadOnlyList<CladeNode> ReadLineage()
    {
        var admitted = archive.ReadSelectionInputs().ToDictionary(c => c.Id, StringComparer.Ordinal);
        var nodes = new List<CladeNode>();
        foreach (var v in archive.ListVariants())
        {
            if (admitted.TryGetValue(v.Id, out var candidate))
            {
                var own = new SelectionCandidate(candidate);
                nodes.Add(new CladeNode(v.Id, v.Parents, own.CladeSuccesses, own.CladeFailures));
                continue;
            }

            // Not admitted: its record never changes, so it is read from git once.
            lock (lineage)
            {
                if (!lineage.TryGetValue(v.Id, out var node))
                {
                    var tasks = archive.GetVariant(v.Id).Evaluation.Tasks;
                    node = new CladeNode(v.Id, v.Parents, tasks.Count(t => t.Resolved), tasks.Count(t => !t.Resolved && t.Outcome != TaskOutcome.HarnessError));
                    lineage[v.Id] = node;
                }

                nodes.Add(node);
            }
        }

        return nodes;
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, VariantStatus> Statuses() =>
        archive.ListVariants().ToDictionary(v => v.Id, v => v.Status, StringComparer.Ordinal);

    /// <inheritdoc/>
    public bool Contains(string id) => archive.Contains(id);

    /// <inheritdoc/>
    public VariantRecord GetVariant(string id) => archive.GetVariant(id);

    /// <inheritdoc/>
    public long NextSequence()
    {
        var numbers = archive.ListVariants().Select(v => ArchiveLayout.Sequence(v.Id)).OfType<long>().ToList();
        return numbers.Count == 0 ? 0 : numbers.Max() + 1;
    }

    /// <inheritdoc/>
    public void ExportSource(string id, string directory) => archive.Export(id, directory);

    /// <inheritdoc/>
    public bool ExportLogs(string id, string directory)
    {
        if (archive.GetVariant(id).Logs is null)
        {
            return false;
        }

        archive.ExportLogs(id, directory);
        return true;
    }

    /// <inheritdoc/>
    public Task<VariantRecord> CommitVariantAsync(VariantDraft draft, CancellationToken cancellationToken) =>
        archive.CommitVariantAsync(draft, cancellationToken);

    /// <inheritdoc/>
    public Task<VariantRecord> UpdateEvaluationAsync(string id, EvaluationRecord evaluation, CancellationToken cancellationToken) =>
        archive.UpdateEvaluationAsync(id, evaluation, cancellationToken);

    /// <inheritdoc/>
    public async Task<string?> ReadRunStateAsync(CancellationToken cancellationToken)
    {
        var bytes = await ReadFileAsync(StateFile, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : Encoding.UTF8.GetString(bytes);
    }

    /// <inheritdoc/>
    public Task WriteRunStateAsync(string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        return WriteFilesAsync(new Dictionary<string, byte[]> { [StateFile] = Encoding.UTF8.GetBytes(json) }, cancellationToken);
    }

    /// <summary>Reads a file of the run's tree (<see cref="StateFile"/> or an attachment); null when there is none.</summary>
    public async Task<byte[]?> ReadFileAsync(string name, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (Head()?[name]?.Target as Blob) is { } blob ? ReadAll(blob) : null;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Adds or replaces files in the run's tree (e.g. <c>score.png</c>), keeping the others, in one atomic update.</summary>
    public async Task WriteFilesAsync(IReadOnlyDictionary<string, byte[]> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Keys.Any(n => string.IsNullOrWhiteSpace(n) || n.Contains('/') || n.Contains('\\')))
        {
            throw new ArgumentException("Run files are plain file names.", nameof(files));
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var held = await ArchiveLock.AcquireAsync(lockPath, options.LockTimeout, cancellationToken).ConfigureAwait(false);
            var repo = git.Repo;
            var head = Head();
            var tree = head is null ? new TreeDefinition() : TreeDefinition.From(head.Tree);
            foreach (var (name, content) in files)
            {
                using var stream = new MemoryStream(content);
                tree.Add(name, repo.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
            }

            var signature = new Signature(options.AuthorName, options.AuthorEmail, time.GetUtcNow());
            var commit = repo.ObjectDatabase.CreateCommit(
                signature, signature, "evolver: run state\n", repo.ObjectDatabase.CreateTree(tree), [], prettifyMessage: false);

            // A writer that died mid-update leaves the ref's lock file; the archive lock says it is stale.
            git.RefLocks.ClearStale(StateRef);
            repo.Refs.Add(StateRef, commit.Id, allowOverwrite: true);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        runLock?.Dispose();
        runLock = null;
        git.Dispose();
        gate.Dispose();
    }

    private Commit? Head() => git.Repo.Refs[StateRef]?.ResolveToDirectReference()?.Target as Commit;

    private static byte[] ReadAll(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
