using Evolver.Core;
using LibGit2Sharp;

namespace Evolver.Archive;

/// <summary>
/// The archive of agent variants: a git repository where each variant is a commit (tree = the agent's source,
/// parents = its parent variants) under <c>refs/evolver/variants/&lt;id&gt;</c>, with its evaluation record as a
/// JSON note in <c>refs/notes/evolver</c>. The archive folder is a bare repository; the SQLite index
/// (<c>index.sqlite</c>) and the write lock (<c>evolver.lock</c>) sit inside it, where git ignores them.
/// Thread-safe; several processes may write at once.
/// </summary>
public sealed class AgentArchive : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly GitStore git;
    private readonly VariantIndex index;
    private readonly ArchiveOptions options;
    private readonly TimeProvider time;
    private readonly VariantWriter writer;
    private readonly string lockPath;
    private readonly SelectionCache selection;

    private AgentArchive(GitStore git, VariantIndex index, bool rebuild, ArchiveOptions options, TimeProvider time)
    {
        this.git = git;
        this.index = index;
        this.options = options;
        this.time = time;
        lockPath = System.IO.Path.Combine(git.GitDirectory, ArchiveLayout.LockFile);
        selection = new SelectionCache(System.IO.Path.Combine(git.GitDirectory, SelectionSnapshot.FileName));
        writer = new VariantWriter(git, index, options, time, lockPath);
        if (rebuild || !IndexSync.IsCurrent(git, index))
        {
            using var held = ArchiveLock.Acquire(lockPath, options.LockTimeout);
            if (rebuild)
            {
                IndexSync.Rebuild(git, index);
            }
            else
            {
                IndexSync.CatchUp(git, index);
            }
        }
    }

    /// <summary>The archive folder.</summary>
    public string Path => git.Path;

    /// <summary>Creates an empty archive in <paramref name="directory"/>, which must not exist or be empty.</summary>
    public static AgentArchive Init(string directory, ArchiveOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new ArchiveOptions();
        options.Validate();
        timeProvider ??= TimeProvider.System;
        EnsureEmpty(directory);
        var git = GitStore.Create(directory, new Signature(options.AuthorName, options.AuthorEmail, timeProvider.GetUtcNow()));
        return Create(git, options, timeProvider);
    }

    /// <summary>Opens the archive in <paramref name="directory"/>; throws <see cref="ArchiveException"/> naming it when it is not one.</summary>
    public static AgentArchive Open(string directory, ArchiveOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new ArchiveOptions();
        options.Validate();
        return Create(GitStore.Open(directory), options, timeProvider ?? TimeProvider.System);
    }

    /// <summary>
    /// Clones a published archive (a path or a URL git understands) into <paramref name="directory"/>: fetches
    /// <c>refs/evolver/*</c> and the notes, then builds the index.
    /// </summary>
    public static AgentArchive Clone(string urlOrPath, string directory, ArchiveOptions? options = null, TimeProvider? timeProvider = null)
    {
        EnsureEmpty(directory);
        try
        {
            ArchiveFetcher.FetchInto(urlOrPath, directory);
            return Open(directory, options, timeProvider);
        }
        catch (Exception e) when (e is LibGit2SharpException or ArchiveException)
        {
            Directory.Delete(directory, recursive: true);
            throw new ArchiveException($"Cannot clone '{urlOrPath}': {e.Message}", e);
        }
    }

    /// <summary>Archives a seed agent as a root variant (generation 0), admitted and not yet evaluated.</summary>
    /// <param name="seedDirectory">The seed's source folder, e.g. <c>archive/seeds/&lt;name&gt;</c>.</param>
    /// <param name="id">The id; null numbers it.</param>
    /// <param name="cancellationToken">Stops waiting for the write lock.</param>
    public Task<VariantRecord> AddSeedAsync(string seedDirectory, string? id, CancellationToken cancellationToken) =>
        CommitVariantAsync(
            new VariantDraft
            {
                SourceDirectory = seedDirectory,
                Id = id,
                Evaluation = new EvaluationRecord
                {
                    Status = VariantStatus.Pending,
                    Admitted = true,
                    Mutator = "seed",
                    MutationDescription = $"seed {new DirectoryInfo(seedDirectory).Name}",
                },
            },
            cancellationToken);

    /// <summary>Archives a variant, all or nothing; failed attempts too (with <see cref="EvaluationRecord.Admitted"/> false).</summary>
    public async Task<VariantRecord> CommitVariantAsync(VariantDraft draft, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await writer.CommitAsync(draft, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Replaces the evaluation record of variant <paramref name="id"/>; its code and parents stay.</summary>
    public async Task<VariantRecord> UpdateEvaluationAsync(string id, EvaluationRecord evaluation, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await writer.UpdateEvaluationAsync(id, evaluation, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Variant <paramref name="id"/> as git holds it; throws <see cref="ArchiveException"/> for a missing ref, a missing or corrupt note, or a foreign parent.</summary>
    public VariantRecord GetVariant(string id) => Locked(() =>
    {
        var commit = git.ResolveVariant(id);
        var note = writer.ReadNote(id, commit);
        var parents = commit.Parents.Select(p => ParentId(id, p)).ToList();
        return VariantWriter.Record(id, commit, parents, note);
    });

    /// <summary>Whether variant <paramref name="id"/> exists (has its ref).</summary>
    public bool Contains(string id) => Locked(() => git.FindVariant(id) is not null);

    /// <summary>Variants from the index, filtered and sorted.</summary>
    public IReadOnlyList<VariantSummary> ListVariants(VariantQuery? query = null) =>
        Fresh(() => index.Reader.Query(query ?? new VariantQuery()));

    /// <summary>
    /// What parent selection reads: every admitted variant's id, score, children count and task outcomes, read from
    /// the index in a fixed order (chosen ids by name, then generated ids by number) so that seeded picks repeat.
    /// </summary>
    public IReadOnlyList<ParentCandidate> ReadSelectionInputs() => Fresh(() => index.Reader.SelectionInputs(selection));

    /// <summary>
    /// The unified diff of the agent's code from variant <paramref name="id"/> to <paramref name="otherId"/>, or,
    /// when that is null, from the first parent of <paramref name="id"/> (an empty tree for a seed) to it.
    /// </summary>
    public string Diff(string id, string? otherId = null) => Locked(() =>
    {
        var commit = git.ResolveVariant(id);
        var (from, to) = otherId is null
            ? (commit.Parents.FirstOrDefault()?.Tree, commit.Tree)
            : (commit.Tree, git.ResolveVariant(otherId).Tree);
        return git.Repo.Diff.Compare<Patch>(from, to).Content;
    });

    /// <summary>The first-parent chain from a root to <paramref name="id"/>, with each step's score change.</summary>
    public IReadOnlyList<LineageStep> Lineage(string id) => Fresh(() =>
    {
        var chain = index.Reader.Lineage(id);
        if (chain.Count == 0)
        {
            git.ResolveVariant(id);
            throw new ArchiveException($"Variant '{id}' has no index row; run `evolver archive fsck --repair`.");
        }

        var root = chain[0];
        if (root.Parents.Count > 0 || root.Issue?.Contains(IndexBuilder.ForeignParentIssue, StringComparison.Ordinal) == true)
        {
            throw new ArchiveException(
                $"The lineage of '{id}' in '{git.Path}' stops at '{root.Id}', whose first parent is not a variant ({root.Issue ?? "no index row"}); run `evolver archive fsck`.");
        }

        return chain.Select((v, i) => new LineageStep(v, i == 0 ? null : v.Score - chain[i - 1].Score)).ToList();
    });

    /// <summary>The whole archive as a forest by first parent, for rendering.</summary>
    public IReadOnlyList<ArchiveTreeNode> Tree() => Fresh(() => ArchiveTreeBuilder.Build(index.Reader.Query(new VariantQuery())));

    /// <summary>Writes the source of variant <paramref name="id"/> into <paramref name="directory"/>, which must not exist or be empty. Returns the number of files.</summary>
    public int Export(string id, string directory) => Locked(() =>
    {
        var commit = git.ResolveVariant(id);
        EnsureEmpty(directory);
        return TreeExporter.Export(commit.Tree, directory);
    });

    /// <summary>
    /// Writes the logs and LLM exchanges archived with variant <paramref name="id"/> into <paramref name="directory"/>,
    /// which must not exist or be empty. Returns the number of files.
    /// </summary>
    public int ExportLogs(string id, string directory) => Locked(() =>
    {
        var note = writer.ReadNote(id, git.ResolveVariant(id));
        var logs = note.Logs is null
            ? throw new ArchiveException($"Variant '{id}' in '{git.Path}' has no archived logs.")
            : git.Repo.Lookup<Commit>(note.Logs)
                ?? throw new ArchiveException($"The logs commit {note.Logs} of variant '{id}' is missing from '{git.Path}'; run `evolver archive fsck`.");
        EnsureEmpty(directory);
        return TreeExporter.Export(logs.Tree, directory);
    });

    /// <summary>Rebuilds the index from git alone. Returns the number of variants indexed.</summary>
    public int Reindex() => Locked(() =>
    {
        using var held = ArchiveLock.Acquire(lockPath, options.LockTimeout);
        return IndexSync.Rebuild(git, index).Rows.Count;
    });

    /// <summary>Checks that git, notes and index agree; with <paramref name="repair"/>, repairs what can be repaired.</summary>
    public FsckReport Fsck(bool repair) => Locked(() =>
    {
        using var held = ArchiveLock.Acquire(lockPath, options.LockTimeout);
        return new ArchiveChecker(git, index).Check(repair, new Signature(options.AuthorName, options.AuthorEmail, time.GetUtcNow()));
    });

    /// <inheritdoc/>
    public void Dispose()
    {
        index.Dispose();
        git.Dispose();
        gate.Dispose();
    }

    private static AgentArchive Create(GitStore git, ArchiveOptions options, TimeProvider time)
    {
        VariantIndex? index = null;
        try
        {
            index = VariantIndex.Open(System.IO.Path.Combine(git.GitDirectory, ArchiveLayout.IndexFile), out var rebuild);
            return new AgentArchive(git, index, rebuild, options, time);
        }
        catch
        {
            index?.Dispose();
            git.Dispose();
            throw;
        }
    }

    private static void EnsureEmpty(string directory)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new ArchiveException(Repository.IsValid(directory)
                ? $"'{directory}' already holds a git repository; open it instead."
                : $"'{directory}' is not empty.");
        }
    }

    private string ParentId(string id, Commit parent) =>
        index.Reader.IdOfCommit(parent.Sha)
        ?? git.VariantRefs().FirstOrDefault(r => r.Reference.TargetIdentifier == parent.Sha).Id
        ?? throw new ArchiveException($"Commit {parent.Sha}, parent of variant '{id}' in '{git.Path}', is not a variant (a foreign commit).");

    // Reads see writes another process finished: if the notes ref moved past the index, catch up first.
    private T Fresh<T>(Func<T> read) => Locked(() =>
    {
        if (!IndexSync.IsCurrent(git, index))
        {
            using var held = ArchiveLock.Acquire(lockPath, options.LockTimeout);
            IndexSync.CatchUp(git, index);
        }

        return read();
    });

    private T Locked<T>(Func<T> work)
    {
        gate.Wait();
        try
        {
            return work();
        }
        finally
        {
            gate.Release();
        }
    }
}
