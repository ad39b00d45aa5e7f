using System.Diagnostics;
using Xunit;

namespace Evolver.Core.Tests;

/// <summary>Every diff here is checked by the real <c>git apply</c> on real files.</summary>
public sealed class UnifiedDiffTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly GitWorkspace git;

    public UnifiedDiffTests() => git = new GitWorkspace(temp.Path);

    private string Root => temp.Path;

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Create_OneChangedLine_MatchesGitDiffExactly()
    {
        var before = Numbers(1, 20);
        var after = before.Replace("10\n", "ten\n");

        var diff = UnifiedDiff.Create("file.txt", before, after);

        Assert.Equal(git.Diff("file.txt", before, after), diff);
        Assert.Contains("@@ -7,7 +7,7 @@\n", diff);
        git.AssertApplies("file.txt", before, after, diff);
    }

    [Theory]
    [InlineData(6)] // changes 6 lines apart: contexts touch, one hunk
    [InlineData(7)] // 7 apart: still one hunk, as in git
    [InlineData(8)] // 8 apart: two hunks
    [InlineData(30)]
    public void Create_TwoChanges_SplitsHunksAsGitDoes(int gap)
    {
        var before = Numbers(1, 60);
        var after = before.Replace("\n10\n", "\nx\n").Replace($"\n{10 + gap}\n", "\ny\n");

        var diff = UnifiedDiff.Create("f", before, after);

        Assert.Equal(git.Diff("f", before, after), diff);
        Assert.Equal(gap > 7 ? 2 : 1, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        git.AssertApplies("f", before, after, diff);
    }

    [Fact]
    public void Create_ChangesAtBothEnds_WritesShortContextAndMatchesGit()
    {
        var before = Numbers(1, 9);
        var after = "0\n" + before.Replace("9\n", "nine\n") + "10\n";

        var diff = UnifiedDiff.Create("f", before, after);

        Assert.Equal(git.Diff("f", before, after), diff);
        git.AssertApplies("f", before, after, diff);
    }

    [Fact]
    public void Create_NewFile_UsesDevNullAndNewFileMode()
    {
        var diff = UnifiedDiff.Create("src/new.py", null, "a\nb\n");

        Assert.StartsWith("diff --git a/src/new.py b/src/new.py\nnew file mode 100644\n--- /dev/null\n+++ b/src/new.py\n@@ -0,0 +1,2 @@\n", diff);
        git.AssertApplies("src/new.py", null, "a\nb\n", diff);
    }

    [Fact]
    public void Create_DeletedFile_UsesDevNullAndDeletedFileMode()
    {
        var diff = UnifiedDiff.Create("old.txt", "a\nb\nc", null);

        Assert.Contains("deleted file mode 100644\n--- a/old.txt\n+++ /dev/null\n@@ -1,3 +0,0 @@\n", diff);
        Assert.EndsWith("-c\n\\ No newline at end of file\n", diff);
        git.AssertApplies("old.txt", "a\nb\nc", null, diff);
    }

    [Fact]
    public void Create_NewAndDeletedEmptyFiles_GitApplyCreatesAndRemovesThem()
    {
        var created = UnifiedDiff.Create("empty", null, "");
        var deleted = UnifiedDiff.Create("empty", "", null);

        Assert.Equal("diff --git a/empty b/empty\nnew file mode 100644\n", created);
        git.AssertApplies("empty", null, "", created);
        git.AssertApplies("empty", "", null, deleted);
    }

    [Fact]
    public void Create_EmptyFileGainsText_AppliesToTheEmptyFile()
    {
        var diff = UnifiedDiff.Create("f", "", "x\n");

        Assert.Contains("@@ -0,0 +1 @@\n+x\n", diff);
        git.AssertApplies("f", "", "x\n", diff);
    }

    [Theory]
    [InlineData("a\nb\nc", "a\nb\nc\n")] // newline added at the end
    [InlineData("a\nb\nc\n", "a\nb\nc")] // newline removed at the end
    [InlineData("a\nb\nc", "a\nB\nc")] // last line unchanged, still without newline
    [InlineData("a\nb", "a\nb\nc")]
    [InlineData("only", "other")]
    public void Create_MissingFinalNewline_MarkedAndMatchesGit(string before, string after)
    {
        var diff = UnifiedDiff.Create("f", before, after);

        Assert.Contains("\\ No newline at end of file\n", diff);
        Assert.Equal(git.Diff("f", before, after), diff);
        git.AssertApplies("f", before, after, diff);
    }

    [Fact]
    public void Create_SameText_ReturnsEmpty()
    {
        Assert.Equal("", UnifiedDiff.Create("f", "a\n", "a\n"));
        Assert.Equal("", UnifiedDiff.Create("f", null, null));
    }

    [Fact]
    public void Create_CrlfLines_KeepsCarriageReturnsAndApplies()
    {
        var before = "one\r\ntwo\r\nthree\r\n";
        var after = "one\r\n2\r\nthree\r\n";

        var diff = UnifiedDiff.Create("win.txt", before, after);

        Assert.Contains("-two\r\n+2\r\n", diff);
        git.AssertApplies("win.txt", before, after, diff);
    }

    [Theory]
    [InlineData("dir with space/file name.txt")]
    [InlineData("unicodé/naïve.py")]
    [InlineData("quote\"and\\backslash.txt")]
    [InlineData("tab\there.txt")]
    public void Create_PathNeedingQuotes_GitApplyFindsTheFile(string path)
    {
        var before = "x\ny\n";
        var after = "x\nz\n";

        var diff = UnifiedDiff.Create(path, before, after);

        Assert.Equal(git.Diff(path, before, after), diff);
        git.AssertApplies(path, before, after, diff);
        git.AssertApplies(path, null, after, UnifiedDiff.Create(path, null, after));
    }

    [Theory]
    [InlineData("/abs")]
    [InlineData("../up")]
    [InlineData("a//b")]
    public void Create_UnsafePath_Throws(string path) =>
        Assert.Throws<ArgumentException>(() => UnifiedDiff.Create(path, "a", "b"));

    [Fact]
    public void Create_RandomEdits_ApplyAndAreAsShortAsGitMinimal()
    {
        // Many small random files over a tiny alphabet: repeated lines make the alignment hard.
        var random = new Random(1234);
        var before = Path.Combine(Root, "before");
        var after = Path.Combine(Root, "after");
        for (var i = 0; i < 400; i++)
        {
            var old = RandomLines(random, random.Next(0, 40));
            var @new = Mutate(random, old);
            GitWorkspace.Write(Path.Combine(before, $"f{i}.txt"), string.Concat(old.Select(l => l + "\n")));
            GitWorkspace.Write(Path.Combine(after, $"f{i}.txt"), string.Concat(@new.Select(l => l + "\n")));
        }

        var diff = UnifiedDiff.Compare(before, after);

        var ours = CountChangedLines(diff);
        var minimal = git.Numstat(before, after);
        Assert.Equal(minimal.Count, ours.Count);
        foreach (var (file, counts) in minimal)
        {
            Assert.True(counts == ours[file], $"{file}: git --minimal {counts}, ours {ours[file]}");
        }

        var work = Path.Combine(Root, "work");
        GitWorkspace.CopyTree(before, work);
        GitWorkspace.Git(work, diff, "apply", "--whitespace=nowarn", "-");
        GitWorkspace.AssertSameTree(after, work);
    }

    [Fact]
    public void Create_LargeFileWithScatteredEdits_IsFastAndApplies()
    {
        var before = Numbers(1, 20_000);
        var after = string.Concat(before.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select((l, i) => (i % 97 == 0 ? "changed " + l : l) + "\n"));
        var watch = Stopwatch.StartNew();

        var diff = UnifiedDiff.Create("big.txt", before, after);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(2 * 207, diff.Split('\n').Count(l => l.StartsWith('+') || l.StartsWith('-')) - 2);
        git.AssertApplies("big.txt", before, after, diff);
    }

    [Fact]
    public void Compare_TreesWithAddedDeletedAndChangedFiles_GitApplyTurnsOneIntoTheOther()
    {
        var before = Path.Combine(Root, "a");
        var after = Path.Combine(Root, "b");
        GitWorkspace.Write(Path.Combine(before, "keep.txt"), "same\n");
        GitWorkspace.Write(Path.Combine(after, "keep.txt"), "same\n");
        GitWorkspace.Write(Path.Combine(before, "src/mod.py"), "def f():\n    return 1\n");
        GitWorkspace.Write(Path.Combine(after, "src/mod.py"), "def f():\n    return 2\n");
        GitWorkspace.Write(Path.Combine(before, "gone/old.txt"), "bye\n");
        GitWorkspace.Write(Path.Combine(after, "new/deep/file.txt"), "hi");
        GitWorkspace.Write(Path.Combine(before, ".git/HEAD"), "ignored\n");

        var diff = UnifiedDiff.Compare(before, after);

        Assert.DoesNotContain("keep.txt", diff);
        Assert.DoesNotContain(".git", diff);
        Assert.Equal(["gone/old.txt", "new/deep/file.txt", "src/mod.py"],
            diff.Split('\n').Where(l => l.StartsWith("diff --git a/", StringComparison.Ordinal)).Select(l => l.Split(' ')[2][2..]));
        var work = Path.Combine(Root, "work");
        GitWorkspace.CopyTree(before, work);
        Directory.Delete(Path.Combine(work, ".git"), recursive: true);
        GitWorkspace.Git(work, diff, "apply", "--check", "-");
        GitWorkspace.Git(work, diff, "apply", "-");
        Directory.Delete(Path.Combine(before, ".git"), recursive: true);
        GitWorkspace.AssertSameTree(after, work);
    }

    [Fact]
    public void Compare_BinaryFile_ThrowsNamingIt()
    {
        var before = Path.Combine(Root, "a");
        var after = Path.Combine(Root, "b");
        Directory.CreateDirectory(before);
        Directory.CreateDirectory(after);
        File.WriteAllBytes(Path.Combine(after, "blob.bin"), [1, 0, 2]);

        var e = Assert.Throws<ArgumentException>(() => UnifiedDiff.Compare(before, after));
        Assert.Contains("blob.bin", e.Message);
    }

    private static string Numbers(int from, int to) =>
        string.Concat(Enumerable.Range(from, to - from + 1).Select(i => i + "\n"));

    private static List<string> RandomLines(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => ((char)('a' + random.Next(4))).ToString()).ToList();

    private static List<string> Mutate(Random random, List<string> lines)
    {
        var result = new List<string>(lines);
        for (var edits = random.Next(0, 6); edits > 0; edits--)
        {
            var at = random.Next(result.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    result.InsertRange(at, RandomLines(random, random.Next(1, 4)));
                    break;
                case 1 when at < result.Count:
                    result.RemoveRange(at, Math.Min(random.Next(1, 4), result.Count - at));
                    break;
                case 2 when at < result.Count:
                    result[at] = ((char)('a' + random.Next(6))).ToString();
                    break;
            }
        }

        return result;
    }

    /// <summary>Per file, the lines the diff adds and removes.</summary>
    private static Dictionary<string, (int Added, int Removed)> CountChangedLines(string diff)
    {
        var counts = new Dictionary<string, (int, int)>();
        string? file = null;
        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith("diff --git a/", StringComparison.Ordinal))
            {
                file = line.Split(' ')[2][2..];
                counts[file] = (0, 0);
            }
            else if (file is not null && line.Length > 0 && !line.StartsWith("---", StringComparison.Ordinal) && !line.StartsWith("+++", StringComparison.Ordinal))
            {
                var (added, removed) = counts[file];
                counts[file] = (added + (line[0] == '+' ? 1 : 0), removed + (line[0] == '-' ? 1 : 0));
            }
        }

        return counts;
    }
}
