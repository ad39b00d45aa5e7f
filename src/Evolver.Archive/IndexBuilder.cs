using LibGit2Sharp;

namespace Evolver.Archive;

/// <summary>Derives the index from git alone: variant refs, their commits, and the notes.</summary>
internal sealed class IndexBuilder(GitStore git)
{
    /// <summary>How a row's issue starts when a parent commit is not a variant.</summary>
    public const string ForeignParentIssue = "foreign parent";

    public List<IndexRow> Rows { get; } = [];

    public List<GitProblem> Problems { get; } = [];

    /// <summary>Notes on commits no variant ref points to: annotated commit to note path.</summary>
    public Dictionary<ObjectId, string> OrphanNotes { get; } = [];

    public Commit? NotesHead { get; private set; }

    public int VariantCount { get; private set; }

    public IndexBuilder Build()
    {
        NotesHead = git.Notes.Head();
        var notes = NotesStore.ReadAll(NotesHead);
        var variants = new List<(string Id, Commit Commit)>();
        var idOfCommit = new Dictionary<ObjectId, string>();
        foreach (var (id, reference) in git.VariantRefs())
        {
            VariantCount++;
            if (Resolve(id, reference) is { } commit)
            {
                variants.Add((id, commit));
                idOfCommit.TryAdd(commit.Id, id);
            }
        }

        foreach (var (id, commit) in variants)
        {
            var note = notes.TryGetValue(commit.Id, out var found) ? git.Repo.Lookup<Blob>(found.Blob) : null;
            Rows.Add(RowFor(id, commit, c => idOfCommit.GetValueOrDefault(c), note, Problems));
        }

        foreach (var (target, (_, path)) in notes)
        {
            if (!idOfCommit.ContainsKey(target))
            {
                OrphanNotes[target] = path;
                Problems.Add(new GitProblem(
                    FsckFindingKind.OrphanNote, target.Sha, $"note {path} in {ArchiveLayout.NotesRef} is on commit {target.Sha[..12]}, which no variant ref points to"));
            }
        }

        return this;
    }

    /// <summary>The row of one variant; what is wrong with it goes to <paramref name="problems"/> and the row's issue.</summary>
    public static IndexRow RowFor(string id, Commit commit, Func<ObjectId, string?> idOfCommit, Blob? note, List<GitProblem> problems)
    {
        var issues = new List<string>();
        var parents = new List<string>();
        foreach (var parent in commit.Parents)
        {
            if (idOfCommit(parent.Id) is { } parentId)
            {
                parents.Add(parentId);
            }
            else
            {
                issues.Add($"{ForeignParentIssue} {parent.Sha[..12]}");
                problems.Add(new GitProblem(
                    FsckFindingKind.ForeignCommit, id, $"commit {parent.Sha}, parent of variant {id}, is not a variant"));
            }
        }

        if (note is null)
        {
            issues.Add("missing note");
            problems.Add(new GitProblem(FsckFindingKind.MissingNote, id, $"variant {id} (commit {commit.Sha[..12]}) has no note in {ArchiveLayout.NotesRef}"));
            return IndexRow.Broken(id, commit.Sha, parents, commit.Committer.When, string.Join("; ", issues));
        }

        var document = NoteJson.TryRead(Bytes(note), out var error);
        if (document is not null && document.Id != id)
        {
            error = $"the note names variant '{document.Id}'";
            document = null;
        }

        if (document is null)
        {
            issues.Add("corrupt note");
            problems.Add(new GitProblem(FsckFindingKind.CorruptNote, id, $"the note of variant {id} (commit {commit.Sha[..12]}) is not a valid evaluation record: {error}"));
            return IndexRow.Broken(id, commit.Sha, parents, commit.Committer.When, string.Join("; ", issues));
        }

        var row = IndexRow.From(id, commit.Sha, parents, document);
        return issues.Count == 0 ? row : row with { Summary = row.Summary with { Issue = string.Join("; ", issues) } };
    }

    public static byte[] Bytes(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private Commit? Resolve(string id, Reference reference)
    {
        if (!ArchiveLayout.IsValidId(id))
        {
            Problems.Add(new GitProblem(FsckFindingKind.InvalidRef, reference.CanonicalName, $"{reference.CanonicalName}: '{id}' is not a valid variant id"));
            return null;
        }

        GitObject? target;
        try
        {
            target = reference.ResolveToDirectReference()?.Target;
        }
        catch (LibGit2SharpException e)
        {
            Problems.Add(new GitProblem(FsckFindingKind.MissingObject, id, $"{reference.CanonicalName}: {e.Message}"));
            return null;
        }

        switch (target)
        {
            case null:
                Problems.Add(new GitProblem(FsckFindingKind.MissingObject, id, $"{reference.CanonicalName} points to {reference.TargetIdentifier}, which is not in the object database"));
                return null;
            case Commit commit:
                return commit;
            default:
                Problems.Add(new GitProblem(FsckFindingKind.InvalidRef, id, $"{reference.CanonicalName} points to a {target.GetType().Name.ToLowerInvariant()}, not a commit"));
                return null;
        }
    }
}
