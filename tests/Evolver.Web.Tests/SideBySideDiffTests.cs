using Evolver.Cli.Tests;
using LibGit2Sharp;
using Xunit;

namespace Evolver.Web.Tests;

/// <summary>The side-by-side parse of diffs git itself writes (LibGit2Sharp, as the archive makes them).</summary>
public sealed class SideBySideDiffTests : IDisposable
{
    private readonly TempDirectory work = new("evolver-web-diff");

    public void Dispose() => work.Dispose();

    [Fact]
    public void Parse_ReplacedAddedDeletedLines_PairsThemRowByRow()
    {
        var diff = Diff(
            new() { ["a.cs"] = "one\ntwo\nthree\nfour\n" },
            new() { ["a.cs"] = "one\nTWO\nthree and a half\nfour\nfive\n" });

        var file = Assert.Single(SideBySideDiff.Parse(diff));
        Assert.Equal(("a.cs", "a.cs", "modified"), (file.OldPath, file.NewPath, file.Change));
        Assert.Equal((3, 2), (file.Added, file.Deleted));
        Assert.Equal(
            [
                ("hunk", null, null, null, null),
                ("context", 1, "one", 1, "one"),
                ("change", 2, "two", 2, "TWO"),
                ("change", 3, "three", 3, "three and a half"),
                ("context", 4, "four", 4, "four"),
                ("add", null, null, 5, "five"),
            ],
            file.Rows.Select(r => (r.Kind, r.LeftNo, r.Kind == "hunk" ? null : r.Left, r.RightNo, r.Right)).ToList());
    }

    [Fact]
    public void Parse_NewDeletedAndNoNewlineFiles_KindsAndNoMarkerRow()
    {
        var diff = Diff(
            new() { ["gone.cs"] = "x\n", ["tail.cs"] = "a\nb" },
            new() { ["new.cs"] = "y\nz\n", ["tail.cs"] = "a\nc" });

        var files = SideBySideDiff.Parse(diff).ToDictionary(f => f.NewPath ?? f.OldPath!);
        Assert.Equal(("added", null, 2), (files["new.cs"].Change, files["new.cs"].OldPath, files["new.cs"].Added));
        Assert.Equal(("deleted", null, 1), (files["gone.cs"].Change, files["gone.cs"].NewPath, files["gone.cs"].Deleted));
        Assert.Contains(@"\ No newline", diff);
        Assert.Equal(["hunk", "context", "change"], files["tail.cs"].Rows.Select(r => r.Kind));
        Assert.Equal(("b", "c"), (files["tail.cs"].Rows[2].Left, files["tail.cs"].Rows[2].Right));
    }

    [Fact]
    public void Parse_BinaryFile_MarkedWithoutRows()
    {
        var diff = Diff(new() { ["img.bin"] = "\0\u0001\u0002" }, new() { ["img.bin"] = "\0\u0003\u0004" });

        var file = Assert.Single(SideBySideDiff.Parse(diff));
        Assert.True(file.Binary);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void Parse_Empty_NoFiles() => Assert.Empty(SideBySideDiff.Parse(""));

    // Two commits of these files in a fresh repository, and git's diff between them.
    private string Diff(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var path = work.Combine(Guid.NewGuid().ToString("N"));
        Repository.Init(path, isBare: true);
        using var repo = new Repository(path);
        Tree Tree(Dictionary<string, string> files)
        {
            var definition = new TreeDefinition();
            foreach (var (name, text) in files)
            {
                definition.Add(name, repo.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))), Mode.NonExecutableFile);
            }

            return repo.ObjectDatabase.CreateTree(definition);
        }

        return repo.Diff.Compare<Patch>(Tree(before), Tree(after)).Content;
    }
}
