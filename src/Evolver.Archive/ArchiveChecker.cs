namespace Evolver.Archive;

/// <summary>Fsck: checks that git, notes and index agree, and repairs what can be repaired. Caller holds the write lock.</summary>
internal sealed class ArchiveChecker(GitStore git, VariantIndex index)
{
    private static readonly HashSet<FsckFindingKind> Repairable =
    [
        FsckFindingKind.StaleLockFile,
        FsckFindingKind.OrphanNote,
        FsckFindingKind.IndexMissingRow,
        FsckFindingKind.IndexExtraRow,
        FsckFindingKind.IndexStaleRow,
        FsckFindingKind.IndexOutOfDate,
    ];

    public FsckReport Check(bool repair, LibGit2Sharp.Signature signature)
    {
        var findings = new List<(FsckFindingKind Kind, string Subject, string Message)>();
        foreach (var lockFile in git.RefLocks.FindAll())
        {
            findings.Add((FsckFindingKind.StaleLockFile, lockFile, $"{lockFile} was left by a writer that died while updating a ref"));
            if (repair)
            {
                git.RefLocks.Delete(lockFile);
            }
        }

        var built = new IndexBuilder(git).Build();
        findings.AddRange(built.Problems.Select(p => (p.Kind, p.Subject, p.Message)));
        var notesHead = built.NotesHead?.Sha;
        if (repair && built.OrphanNotes.Count > 0)
        {
            notesHead = git.Notes.Write(
                built.OrphanNotes.Keys.Select(t => (t, (byte[]?)null)).ToList(),
                signature,
                $"evolver fsck: remove {built.OrphanNotes.Count} orphan note(s)\n").Sha;
        }

        var indexFindings = CompareIndex(built.Rows, notesHead);
        findings.AddRange(indexFindings);
        if (repair && indexFindings.Count > 0)
        {
            index.Replace(built.Rows, notesHead);
        }

        return new FsckReport(
            built.VariantCount,
            findings.Select(f => new FsckFinding(f.Kind, f.Subject, f.Message, repair && Repairable.Contains(f.Kind))).ToList());
    }

    private List<(FsckFindingKind, string, string)> CompareIndex(List<IndexRow> expected, string? notesHead)
    {
        var findings = new List<(FsckFindingKind, string, string)>();
        var actual = index.Reader.ReadAllRows();
        var children = VariantIndex.ChildCounts(expected);
        foreach (var row in expected)
        {
            if (!actual.Remove(row.Id, out var stored))
            {
                findings.Add((FsckFindingKind.IndexMissingRow, row.Id, $"variant {row.Id} has no index row"));
            }
            else if (stored.Row.Fingerprint() != row.Fingerprint() || stored.Children != children.GetValueOrDefault(row.Id))
            {
                findings.Add((FsckFindingKind.IndexStaleRow, row.Id, $"the index row of {row.Id} disagrees with git"));
            }
        }

        foreach (var id in actual.Keys.Order(StringComparer.Ordinal))
        {
            findings.Add((FsckFindingKind.IndexExtraRow, id, $"the index has a row for {id}, which has no ref"));
        }

        if (index.NotesHead != notesHead)
        {
            findings.Add((FsckFindingKind.IndexOutOfDate, ArchiveLayout.NotesRef, $"the index reflects notes commit {index.NotesHead ?? "(none)"}, the ref is at {notesHead ?? "(none)"}"));
        }

        return findings;
    }
}
