using LibGit2Sharp;

namespace Evolver.Archive;

/// <summary>
/// The notes ref <c>refs/notes/evolver</c>, read and written as git does (a chain of commits whose tree maps an
/// object's hex id to its note blob). Writes use a two-level fanout (<c>ab/cd/ef01…</c>) so that adding a note
/// rewrites three small trees instead of one tree with an entry per variant; git and libgit2 read any fanout.
/// Callers hold the archive's write lock around <see cref="Write"/>: the chain is a compare-and-swap on one ref.
/// </summary>
internal sealed class NotesStore(Repository repo, GitRefLocks refLocks)
{
    public Commit? Head() => repo.Refs[ArchiveLayout.NotesRef]?.ResolveToDirectReference()?.Target as Commit;

    /// <summary>The note on <paramref name="target"/> in the notes tree of <paramref name="head"/>, with its path.</summary>
    public static (Blob Blob, string Path)? Find(Commit? head, ObjectId target) =>
        head is null ? null : Find(head.Tree, target.Sha, 0, "");

    /// <summary>Every note in the notes tree of <paramref name="head"/>: annotated object id to blob id.</summary>
    public static Dictionary<ObjectId, (ObjectId Blob, string Path)> ReadAll(Commit? head)
    {
        var notes = new Dictionary<ObjectId, (ObjectId, string)>();
        if (head is not null)
        {
            Walk(head.Tree, "", "", notes);
        }

        return notes;
    }

    /// <summary>
    /// Adds, replaces (content) or removes (null content) notes in one new notes commit and moves the ref to it.
    /// Returns the new head.
    /// </summary>
    public Commit Write(IReadOnlyList<(ObjectId Target, byte[]? Content)> changes, Signature signature, string message)
    {
        var head = Head();
        var edits = new List<(string Path, ObjectId? Blob)>();
        foreach (var (target, content) in changes)
        {
            var existing = Find(head, target);
            var path = FanoutPath(target);
            if (existing is { } found && found.Path != path)
            {
                // A note written with another fanout: move it rather than leave two notes for one object.
                edits.Add((found.Path, null));
            }

            ObjectId? blob = null;
            if (content is not null)
            {
                using var stream = new MemoryStream(content);
                blob = repo.ObjectDatabase.CreateBlob(stream).Id;
            }

            if (blob is not null || existing is not null)
            {
                edits.Add((path, blob));
            }
        }

        var treeId = Apply(head?.Tree, edits.Select(e => (e.Path.Split('/'), e.Blob)).ToList())
            ?? RawTree.Write(repo, []);
        var commit = repo.ObjectDatabase.CreateCommit(
            signature, signature, message, repo.Lookup<Tree>(treeId), head is null ? [] : [head], prettifyMessage: false);

        refLocks.ClearStale(ArchiveLayout.NotesRef);
        if (head is null)
        {
            repo.Refs.Add(ArchiveLayout.NotesRef, commit.Id, allowOverwrite: false);
        }
        else
        {
            // Fails if the ref moved since it was read: no note is ever lost silently.
            repo.Refs.UpdateTarget(repo.Refs[ArchiveLayout.NotesRef], commit.Id, message);
        }

        return commit;
    }

    public static string FanoutPath(ObjectId target) => $"{target.Sha[..2]}/{target.Sha[2..4]}/{target.Sha[4..]}";

    private ObjectId? Apply(Tree? tree, List<(string[] Parts, ObjectId? Blob)> edits)
    {
        var entries = RawTree.Read(tree);
        foreach (var group in edits.GroupBy(e => e.Parts[0], StringComparer.Ordinal))
        {
            var leaf = group.FirstOrDefault(e => e.Parts.Length == 1);
            var child = leaf.Parts is not null
                ? leaf.Blob
                : Apply(
                    entries.TryGetValue(group.Key, out var sub) && sub.Mode == Mode.Directory ? repo.Lookup<Tree>(sub.Id) : null,
                    group.Select(e => (e.Parts[1..], e.Blob)).ToList());
            if (child is { } id)
            {
                entries[group.Key] = (leaf.Parts is not null ? Mode.NonExecutableFile : Mode.Directory, id);
            }
            else
            {
                entries.Remove(group.Key);
            }
        }

        return entries.Count == 0 ? null : RawTree.Write(repo, entries);
    }

    private static (Blob, string)? Find(Tree tree, string hex, int offset, string prefix)
    {
        if (tree[hex[offset..]] is { TargetType: TreeEntryTargetType.Blob } entry)
        {
            return ((Blob)entry.Target, prefix + entry.Name);
        }

        if (offset + 2 < hex.Length && tree[hex.Substring(offset, 2)] is { TargetType: TreeEntryTargetType.Tree } sub)
        {
            return Find((Tree)sub.Target, hex, offset + 2, prefix + sub.Name + "/");
        }

        return null;
    }

    private static void Walk(Tree tree, string hexSoFar, string prefix, Dictionary<ObjectId, (ObjectId, string)> notes)
    {
        foreach (var entry in tree)
        {
            var hex = hexSoFar + entry.Name;
            if (entry.TargetType == TreeEntryTargetType.Blob && hex.Length == 40 && ObjectId.TryParse(hex, out var target))
            {
                notes[target] = (entry.Target.Id, prefix + entry.Name);
            }
            else if (entry.TargetType == TreeEntryTargetType.Tree && entry.Name.Length == 2 && hex.Length < 40)
            {
                Walk((Tree)entry.Target, hex, prefix + entry.Name + "/", notes);
            }
        }
    }
}
