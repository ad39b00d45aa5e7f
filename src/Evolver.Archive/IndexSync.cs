using LibGit2Sharp;

namespace Evolver.Archive;

/// <summary>
/// Brings the index up to the notes ref. The index records the notes commit it reflects; a writer that died after
/// moving the notes ref (and maybe the variant ref) but before updating the index leaves the two apart, and the
/// diff between the recorded and the current notes tree says which variants to look at. Caller holds the write lock.
/// </summary>
internal static class IndexSync
{
    public static bool IsCurrent(GitStore git, VariantIndex index) => index.NotesHead == git.Notes.Head()?.Sha;

    public static void CatchUp(GitStore git, VariantIndex index)
    {
        var head = git.Notes.Head();
        var marker = index.NotesHead;
        if (marker == head?.Sha)
        {
            return;
        }

        var old = marker is null ? null : git.Repo.Lookup<Commit>(marker);
        if (head is null || old is null || !TryApply(git, index, old, head))
        {
            Rebuild(git, index);
        }
    }

    public static IndexBuilder Rebuild(GitStore git, VariantIndex index)
    {
        var built = new IndexBuilder(git).Build();
        index.Replace(built.Rows, built.NotesHead?.Sha);
        return built;
    }

    // False when the change is not the plain "notes were added or replaced" kind; the caller then rebuilds.
    private static bool TryApply(GitStore git, VariantIndex index, Commit old, Commit head)
    {
        var rows = new List<IndexRow>();
        foreach (var change in git.Repo.Diff.Compare<TreeChanges>(old.Tree, head.Tree))
        {
            if (change.Status is not (ChangeKind.Added or ChangeKind.Modified)
                || !ObjectId.TryParse(change.Path.Replace("/", "", StringComparison.Ordinal), out var target)
                || head.Tree[change.Path]?.Target is not Blob blob)
            {
                return false;
            }

            var note = NoteJson.TryRead(IndexBuilder.Bytes(blob), out _);
            if (note is null)
            {
                return false;
            }

            if (git.FindVariant(note.Id) is not { } commit || commit.Id != target)
            {
                continue; // An orphan note: its writer died before creating the ref. Fsck removes it.
            }

            var problems = new List<GitProblem>();
            var row = IndexBuilder.RowFor(note.Id, commit, c => index.Reader.IdOfCommit(c.Sha), blob, problems);
            if (problems.Count > 0)
            {
                return false;
            }

            rows.Add(row);
        }

        index.Upsert(rows, head.Sha);
        return true;
    }
}
