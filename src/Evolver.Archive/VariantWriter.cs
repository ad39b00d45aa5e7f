using Evolver.Core;
using LibGit2Sharp;

namespace Evolver.Archive;

/// <summary>
/// Archives variants. The order of writes makes a variant all or nothing: its objects first (unreachable until
/// referenced), then its note (one notes commit, one ref update), then its ref — the variant exists iff its ref
/// does — and last its index row. A writer that dies between note and ref leaves an orphan note, which fsck
/// removes; one that dies between ref and index row leaves the index behind, which the next writer or opener
/// catches up. Ref, note and index updates happen under the archive's cross-process write lock.
/// </summary>
internal sealed class VariantWriter(GitStore git, VariantIndex index, ArchiveOptions options, TimeProvider time, string lockPath)
{
    public async Task<VariantRecord> CommitAsync(VariantDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(draft.Evaluation);
        if (draft.Id is { } chosen && !ArchiveLayout.IsValidId(chosen))
        {
            throw new ArgumentException($"'{chosen}' is not a valid variant id: use letters, digits, '.', '_' and '-', at most 64.", nameof(draft));
        }

        if (draft.Parents.Distinct(StringComparer.Ordinal).Count() != draft.Parents.Count)
        {
            throw new ArgumentException("A variant cannot name the same parent twice.", nameof(draft));
        }

        var parents = draft.Parents.Select(git.ResolveVariant).ToList();
        var generation = draft.Generation ?? (draft.Parents.Count == 0 ? 0 : draft.Parents.Max(ParentGeneration) + 1);
        var tree = SourceTreeWriter.Write(git.Repo, draft.SourceDirectory, options.ExcludedDirectories);
        var logsTree = draft.LogsDirectory is { } logs ? SourceTreeWriter.Write(git.Repo, logs, []) : null;
        var now = time.GetUtcNow();
        var signature = new Signature(options.AuthorName, options.AuthorEmail, now);

        using var held = await ArchiveLock.AcquireAsync(lockPath, options.LockTimeout, cancellationToken).ConfigureAwait(false);
        IndexSync.CatchUp(git, index);
        var id = draft.Id ?? NextId();
        if (git.FindVariant(id) is not null)
        {
            throw new ArchiveException($"Variant '{id}' already exists in '{git.Path}' (ref {ArchiveLayout.VariantRef(id)}).");
        }

        var commit = git.Repo.ObjectDatabase.CreateCommit(
            signature, signature, Message(id, draft.Evaluation), tree, parents, prettifyMessage: false);
        var logsCommit = logsTree is null
            ? null
            : git.Repo.ObjectDatabase.CreateCommit(signature, signature, $"{id}: logs\n", logsTree, [], prettifyMessage: false);
        var note = new NoteDocument
        {
            Format = ArchiveLayout.Format,
            Id = id,
            Generation = generation,
            CreatedAt = now,
            Evaluation = draft.Evaluation,
            Logs = logsCommit?.Sha,
        };
        var head = git.Notes.Write([(commit.Id, NoteJson.Bytes(note))], signature, $"evolver: record of {id}\n");
        if (logsCommit is not null)
        {
            // Before the variant ref: a writer dying in between leaves an orphan logs ref, which fsck removes.
            git.SetLogsRef(id, logsCommit.Id);
        }

        git.CreateVariantRef(id, commit.Id);
        index.Upsert([IndexRow.From(id, commit.Sha, draft.Parents, note)], head.Sha);
        return Record(id, commit, draft.Parents, note);
    }

    /// <summary>Replaces a variant's evaluation record, e.g. once a seed archived by init has been evaluated.</summary>
    public async Task<VariantRecord> UpdateEvaluationAsync(string id, EvaluationRecord evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var signature = new Signature(options.AuthorName, options.AuthorEmail, time.GetUtcNow());
        using var held = await ArchiveLock.AcquireAsync(lockPath, options.LockTimeout, cancellationToken).ConfigureAwait(false);
        IndexSync.CatchUp(git, index);
        var commit = git.ResolveVariant(id);
        var note = ReadNote(id, commit) with { Evaluation = evaluation };
        var head = git.Notes.Write([(commit.Id, NoteJson.Bytes(note))], signature, $"evolver: record of {id} updated\n");
        var parents = index.Reader.Get(id)?.Parents ?? throw new ArchiveException($"Variant '{id}' has no index row; run `evolver archive fsck`.");
        index.Upsert([IndexRow.From(id, commit.Sha, parents, note)], head.Sha);
        return Record(id, commit, parents, note);
    }

    /// <summary>The note of <paramref name="id"/>; throws <see cref="ArchiveException"/> naming it when missing or corrupt.</summary>
    public NoteDocument ReadNote(string id, Commit commit)
    {
        var found = NotesStore.Find(git.Notes.Head(), commit.Id)
            ?? throw new ArchiveException($"Variant '{id}' (commit {commit.Sha}) in '{git.Path}' has no note in {ArchiveLayout.NotesRef}.");
        var note = NoteJson.TryRead(IndexBuilder.Bytes(found.Blob), out var error);
        if (note is not null && note.Id != id)
        {
            error = $"it names variant '{note.Id}'";
            note = null;
        }

        return note ?? throw new ArchiveException(
            $"The note of variant '{id}' (commit {commit.Sha}, {ArchiveLayout.NotesRef}:{found.Path}) in '{git.Path}' is corrupt: {error}");
    }

    public static VariantRecord Record(string id, Commit commit, IReadOnlyList<string> parents, NoteDocument note) => new()
    {
        Id = id,
        Commit = commit.Sha,
        Parents = parents,
        Generation = note.Generation,
        CreatedAt = note.CreatedAt,
        Evaluation = note.Evaluation,
        Logs = note.Logs,
    };

    private int ParentGeneration(string id) =>
        index.Reader.Get(id) is { Issue: null } row ? row.Generation : ReadNote(id, git.ResolveVariant(id)).Generation;

    // Numbers continue from the index's highest; the ref check skips numbers whose row the index has not caught up with.
    private string NextId()
    {
        var next = (index.Reader.MaxSequence() ?? -1) + 1;
        while (git.FindVariant("v" + next) is not null)
        {
            next++;
        }

        return "v" + next;
    }

    private static string Message(string id, EvaluationRecord evaluation)
    {
        var description = evaluation.MutationDescription.Trim();
        var title = description.Length == 0 ? evaluation.Mutator : description.Split('\n')[0].Trim();
        var body = description.Contains('\n') ? description[(description.IndexOf('\n') + 1)..].Trim() + "\n\n" : "";
        return $"{id}: {title}\n\n{body}Evolver-Variant: {id}\nEvolver-Mutator: {evaluation.Mutator}\n";
    }
}
