namespace Evolver.Archive;

/// <summary>Fsck: checks that git, notes and index agree, and repairs what can be repaired. Caller holds the write lock.</summary>
internal sealed class ArchiveChecker(GitStore git, VariantIndex index)
{
    private static readonly HashSet<FsckFindingKind> Repairable =
    [
        FsckFindingKind.StaleLockFile,
        FsckFindingKind.OrphanNote,
        FsckFindingKind.OrphanLogsRef,
        FsckFindingKind.MissingLogsRef,
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

        findings.AddRange(CheckLogs(built.Rows, repair));
        // Compared with the notes as found: removing orphan notes moves the ref, which is no fault of the index.
        var indexFindings = CompareIndex(built.Rows, built.NotesHead?.Sha);
        findings.AddRange(indexFindings);
        if (repair && (indexFindings.Count > 0 || notesHead != built.NotesHead?.Sha))
        {
            index.Replace(built.Rows, notesHead);
        }

        return new FsckReport(
            built.VariantCount,
            findings.Select(f => new FsckFinding(f.Kind, f.Subject, f.Message, repair && Repairable.Contains(f.Kind))).ToList());
    }

    private List<(FsckFindingKind, string, string)> CheckLogs(List<IndexRow> rows, bool repair)
    {
        var findings = new List<(FsckFindingKind, string, string)>();
        var refs = git.LogsRefs();
        var expected = rows.Where(r => r.Logs is not null).ToDictionary(r => r.Id, r => r.Logs!, StringComparer.Ordinal);
        foreach (var (id, target) in refs.Where(r => !expected.ContainsKey(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            findings.Add((FsckFindingKind.OrphanLogsRef, ArchiveLayout.LogsRef(id), $"{ArchiveLayout.LogsRef(id)} points to {target[..12]}, which no variant's note names"));
            if (repair)
            {
                git.Repo.Refs.Remove(ArchiveLayout.LogsRef(id));
            }
        }

        foreach (var (id, logs) in expected.Where(e => refs.GetValueOrDefault(e.Key) != e.Value).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!git.Repo.ObjectDatabase.Contains(new LibGit2Sharp.ObjectId(logs)))
            {
                findings.Add((FsckFindingKind.MissingObject, id, $"the logs commit {logs} of variant {id} is not in the object database"));
                continue;
            }

            findings.Add((FsckFindingKind.MissingLogsRef, ArchiveLayout.LogsRef(id), $"the note of {id} names logs commit {logs[..12]}, but {ArchiveLayout.LogsRef(id)} does not point to it"));
            if (repair)
            {
                git.SetLogsRef(id, new LibGit2Sharp.ObjectId(logs));
            }
        }

        return findings;
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
