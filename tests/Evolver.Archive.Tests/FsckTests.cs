using System.Diagnostics;
using Evolver.Core;
using LibGit2Sharp;
using Microsoft.Data.Sqlite;

namespace Evolver.Archive.Tests;

public sealed class FsckTests
{
    private static readonly Signature Someone = new("someone", "someone@example.com", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Fsck_HealthyArchive_FindsNothing()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        await fixture.ChildAsync("a", 0.5, "seed");

        var report = fixture.Archive.Fsck(repair: false);

        Assert.Empty(report.Findings);
        Assert.Equal(2, report.Variants);
        Assert.True(report.IsConsistent);
    }

    [Fact]
    public async Task Fsck_OrphanNoteFromDeadWriter_ReportsThenRemovesIt()
    {
        using var fixture = new ArchiveFixture();
        var seed = await fixture.SeedAsync();
        ObjectId orphan;
        using (var repo = new Repository(fixture.ArchivePath))
        {
            // What a writer leaves when it dies after the note and before the ref: a commit with a note, no ref.
            var commit = repo.ObjectDatabase.CreateCommit(Someone, Someone, "half", repo.Lookup<Commit>(seed.Commit).Tree, [], false);
            repo.Notes.Add(commit.Id, "{\"format\":1,\"id\":\"v9\"}", Someone, Someone, "evolver");
            orphan = commit.Id;
        }

        var before = fixture.Archive.Fsck(repair: false);
        var repaired = fixture.Archive.Fsck(repair: true);
        var after = fixture.Archive.Fsck(repair: false);

        Assert.False(before.IsConsistent);
        Assert.Contains(before.Findings, f => f.Kind == FsckFindingKind.OrphanNote && f.Subject == orphan.Sha && !f.Repaired);
        Assert.True(repaired.IsConsistent);
        Assert.Contains(repaired.Findings, f => f.Kind == FsckFindingKind.OrphanNote && f.Repaired);
        Assert.Empty(after.Findings);
        using var check = new Repository(fixture.ArchivePath);
        Assert.Null(check.Notes["evolver", orphan]);
        Assert.Equal("seed", fixture.Archive.GetVariant("seed").Id);
    }

    [Fact]
    public async Task Fsck_IndexRowDeleted_ReportsAndRecreatesIt()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        await fixture.ChildAsync("a", 0.5, "seed");
        Sql(fixture, "DELETE FROM variants WHERE id = 'v0'");

        var report = fixture.Archive.Fsck(repair: true);

        Assert.Equal([(FsckFindingKind.IndexMissingRow, "v0", true)], report.Findings.Select(f => (f.Kind, f.Subject, f.Repaired)));
        Assert.Equal(["seed", "v0"], fixture.Archive.ListVariants(new VariantQuery { Sort = VariantSort.Generation }).Select(v => v.Id));
        Assert.Empty(fixture.Archive.Fsck(repair: false).Findings);
    }

    [Fact]
    public async Task Fsck_IndexRowTampered_ReportsStaleRowAndRestoresIt()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        Sql(fixture, "UPDATE variants SET score = 0.99 WHERE id = 'seed'");

        var report = fixture.Archive.Fsck(repair: true);

        Assert.Equal([FsckFindingKind.IndexStaleRow], report.Findings.Select(f => f.Kind));
        Assert.Equal(0, fixture.Archive.ListVariants().Single().Score);
    }

    [Fact]
    public async Task CommitVariantAsync_StaleNotesRefLock_StillCommits()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        File.WriteAllText(Path.Combine(fixture.ArchivePath, "refs/notes/evolver.lock"), "");

        var child = await fixture.ChildAsync("a", 0.5, "seed");

        Assert.Equal(0.5, fixture.Archive.GetVariant(child.Id).Evaluation.Score);
        Assert.Empty(fixture.Archive.Fsck(repair: false).Findings);
    }

    [Fact]
    public async Task Fsck_StaleRefLockFile_ReportsAndDeletesIt()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var lockFile = Path.Combine(fixture.ArchivePath, "refs/evolver/variants/v7.lock");
        File.WriteAllText(lockFile, "");

        var report = fixture.Archive.Fsck(repair: true);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FsckFindingKind.StaleLockFile, "refs/evolver/variants/v7.lock", true), (finding.Kind, finding.Subject, finding.Repaired));
        Assert.False(File.Exists(lockFile));
    }

    [Fact]
    public async Task GetVariant_CorruptNote_ThrowsNamingVariantAndNotesRef()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var child = await fixture.ChildAsync("a", 0.5, "seed");
        using (var repo = new Repository(fixture.ArchivePath))
        {
            repo.Notes.Remove(new ObjectId(child.Commit), Someone, Someone, "evolver");
            repo.Notes.Add(new ObjectId(child.Commit), "{ not json", Someone, Someone, "evolver");
        }

        var error = Assert.Throws<ArchiveException>(() => fixture.Archive.GetVariant(child.Id));
        var report = fixture.Archive.Fsck(repair: true);
        fixture.Archive.Reindex();

        Assert.Contains($"variant '{child.Id}'", error.Message);
        Assert.Contains("refs/notes/evolver", error.Message);
        Assert.Contains(report.Findings, f => f.Kind == FsckFindingKind.CorruptNote && f.Subject == child.Id && !f.Repaired);
        Assert.False(report.IsConsistent);
        var listed = fixture.Archive.ListVariants().Single(v => v.Id == child.Id);
        Assert.Equal("corrupt note", listed.Issue);
        Assert.DoesNotContain(fixture.Archive.ReadSelectionInputs(), c => c.Id == child.Id);
        Assert.Contains("+a", fixture.Archive.Diff(child.Id));
    }

    [Fact]
    public async Task Fsck_VariantWithForeignParent_ReportsForeignCommitAndLosesNothing()
    {
        using var fixture = new ArchiveFixture();
        var seed = await fixture.SeedAsync();
        ObjectId foreign;
        using (var repo = new Repository(fixture.ArchivePath))
        {
            var tree = repo.Lookup<Commit>(seed.Commit).Tree;
            var stranger = repo.ObjectDatabase.CreateCommit(Someone, Someone, "not a variant", tree, [], false);
            var alien = repo.ObjectDatabase.CreateCommit(Someone, Someone, "alien", tree, [stranger], false);
            repo.Notes.Add(alien.Id, NoteFor("alien"), Someone, Someone, "evolver");
            repo.Refs.Add("refs/evolver/variants/alien", alien.Id);
            foreign = stranger.Id;
        }

        var report = fixture.Archive.Fsck(repair: true);
        var error = Assert.Throws<ArchiveException>(() => fixture.Archive.GetVariant("alien"));
        var lineage = Assert.Throws<ArchiveException>(() => fixture.Archive.Lineage("alien"));

        Assert.Contains(report.Findings, f => f.Kind == FsckFindingKind.ForeignCommit && f.Message.Contains(foreign.Sha) && !f.Repaired);
        Assert.Contains(foreign.Sha, error.Message);
        Assert.Contains("foreign", lineage.Message);
        Assert.Equal(["seed", "alien"], fixture.Archive.ListVariants(new VariantQuery { Sort = VariantSort.Created }).Select(v => v.Id).Order().Reverse());
    }

    [Fact]
    public async Task GetVariant_RefWithoutNote_ThrowsAndFsckReportsMissingNote()
    {
        using var fixture = new ArchiveFixture();
        var seed = await fixture.SeedAsync();
        using (var repo = new Repository(fixture.ArchivePath))
        {
            var bare = repo.ObjectDatabase.CreateCommit(Someone, Someone, "bare", repo.Lookup<Commit>(seed.Commit).Tree, [repo.Lookup<Commit>(seed.Commit)], false);
            repo.Refs.Add("refs/evolver/variants/bare", bare.Id);
        }

        var error = Assert.Throws<ArchiveException>(() => fixture.Archive.GetVariant("bare"));
        var report = fixture.Archive.Fsck(repair: true);

        Assert.Contains("has no note", error.Message);
        Assert.Contains(report.Findings, f => f.Kind == FsckFindingKind.MissingNote && f.Subject == "bare");
        Assert.Equal("missing note", fixture.Archive.ListVariants().Single(v => v.Id == "bare").Issue);
    }

    [Fact]
    public async Task Open_IndexBehindAfterWriterDiedBeforeIndexRow_CatchesUp()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var headBefore = Scalar(fixture, "SELECT value FROM meta WHERE key = 'notes_head'");
        await fixture.ChildAsync("a", 0.5, "seed");
        // Undo the index half of the commit, as if the writer died right after creating the ref.
        Sql(fixture, $"DELETE FROM variants WHERE id = 'v0'; UPDATE variants SET children = 0; UPDATE meta SET value = '{headBefore}' WHERE key = 'notes_head'");

        fixture.Reopen();

        var listed = fixture.Archive.ListVariants();
        Assert.Equal(["seed", "v0"], listed.Select(v => v.Id).Order());
        Assert.Equal(1, listed.Single(v => v.Id == "seed").Children);
        Assert.Empty(fixture.Archive.Fsck(repair: false).Findings);
    }

    [Fact]
    public async Task Reindex_AfterManyCommits_GivesTheSameIndex()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        await fixture.ChildAsync("a", 0.5, "seed");
        await fixture.ChildAsync("b", 0.25, "v0");
        await fixture.ChildAsync("c", 0.75, "v1", "seed");
        var before = fixture.Archive.ListVariants();

        var count = fixture.Archive.Reindex();

        Assert.Equal(4, count);
        Assert.Equal(before, fixture.Archive.ListVariants(), new SummaryComparer());
        Assert.Empty(fixture.Archive.Fsck(repair: false).Findings);
    }

    [Fact]
    public async Task GitCli_ArchiveWrittenByEvolver_PassesGitFsckAndShowsNotes()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var child = await fixture.ChildAsync("a", 0.5, "seed");
        // Names whose git order differs from plain ordinal order once folders count as "name/".
        await fixture.Archive.CommitVariantAsync(
            new VariantDraft
            {
                SourceDirectory = fixture.Source(("foo/x.cs", "1"), ("foo.txt", "2"), ("foo-bar", "3"), ("foo0", "4")),
                Parents = [child.Id],
                Evaluation = ArchiveFixture.Evaluation(0.5),
                LogsDirectory = fixture.Source(("log/a", "1"), ("log.txt", "2")),
            },
            CancellationToken.None);

        var (fsckCode, fsckOutput) = Git(fixture.ArchivePath, "fsck", "--strict", "--no-dangling");
        var (noteCode, note) = Git(fixture.ArchivePath, "notes", "--ref=evolver", "show", "refs/evolver/variants/" + child.Id);
        var (_, parents) = Git(fixture.ArchivePath, "log", "--format=%P", "-1", "refs/evolver/variants/" + child.Id);

        Assert.True(fsckCode == 0, fsckOutput);
        Assert.Equal(0, noteCode);
        Assert.Contains($"\"id\": \"{child.Id}\"", note);
        Assert.Equal(fixture.Archive.GetVariant("seed").Commit, parents.Trim());
    }

    private static string NoteFor(string id) =>
        $"{{\"format\":1,\"id\":\"{id}\",\"generation\":1,\"created_at\":\"2025-01-01T00:00:00+00:00\",\"evaluation\":{{\"status\":\"evaluated\",\"admitted\":true,\"score\":0.5}}}}";

    private static void Sql(ArchiveFixture fixture, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.ArchivePath, "index.sqlite")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(ArchiveFixture fixture, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.ArchivePath, "index.sqlite")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    // Real git reads what Evolver wrote: the format is plain git, not a libgit2 dialect.
    private static (int Code, string Output) Git(string gitDir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--git-dir=" + gitDir);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
