using System.Diagnostics;
using Xunit;

namespace Evolver.Sandbox.Tests;

/// <summary>The base commit's git directory the harness makes on the host for every task repository.</summary>
public sealed class BaseSnapshotsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("evolver-snapshot-test-").FullName;

    [Fact]
    public async Task GitDirectoryTarAsync_TwoSandboxes_MakeTheSameBaseCommitWithoutBuildOutput()
    {
        var repo = Repo(("src/app.py", "print('hi')\n"), (".gitignore", "*.log\n"), ("bin/out.dll", "x"), ("run.log", "x"));
        var repoTar = await TarArchive.FromDirectoryAsync(repo, CancellationToken.None);

        var first = await new BaseSnapshots().GitDirectoryTarAsync(repo, repoTar, CancellationToken.None);
        var second = await new BaseSnapshots().GitDirectoryTarAsync(repo, repoTar, CancellationToken.None);

        var (head1, files) = await ReadAsync(first, "one");
        var (head2, _) = await ReadAsync(second, "two");
        Assert.Equal(head1, head2);
        Assert.Equal([".gitignore", "src/app.py"], files);
    }

    [Fact]
    public async Task GitDirectoryTarAsync_SameContentAgain_IsMadeOnce()
    {
        var repo = Repo(("a.txt", "a\n"));
        var repoTar = await TarArchive.FromDirectoryAsync(repo, CancellationToken.None);
        var snapshots = new BaseSnapshots();

        var first = await snapshots.GitDirectoryTarAsync(repo, repoTar, CancellationToken.None);
        var again = await snapshots.GitDirectoryTarAsync(repo, repoTar, CancellationToken.None);
        File.WriteAllText(Path.Combine(repo, "a.txt"), "changed\n");
        var changed = await snapshots.GitDirectoryTarAsync(repo, await TarArchive.FromDirectoryAsync(repo, CancellationToken.None), CancellationToken.None);

        Assert.Same(first, again);
        Assert.NotEqual((await ReadAsync(first, "first")).Head, (await ReadAsync(changed, "changed")).Head);
    }

    private string Repo(params (string Path, string Text)[] files)
    {
        var dir = Path.Combine(root, "repo-" + Guid.NewGuid().ToString("N")[..6]);
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, path))!);
            File.WriteAllText(Path.Combine(dir, path), text);
        }

        return dir;
    }

    /// <summary>Extracts the tar as a git dir and asks git for HEAD and the files of its tree.</summary>
    private async Task<(string Head, List<string> Files)> ReadAsync(byte[] tar, string name)
    {
        var gitDir = Path.Combine(root, "git-" + name);
        Directory.CreateDirectory(gitDir);
        await System.Formats.Tar.TarFile.ExtractToDirectoryAsync(new MemoryStream(tar), gitDir, overwriteFiles: true);
        var head = (await GitAsync(gitDir, "rev-parse", "HEAD")).Trim();
        var files = (await GitAsync(gitDir, "ls-tree", "-r", "--name-only", "HEAD")).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        return (head, files);
    }

    private static async Task<string> GitAsync(string gitDir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["--git-dir", gitDir, .. args])
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return output;
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
