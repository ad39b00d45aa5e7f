using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Evolver.Sandbox;

/// <summary>
/// The git directory of each task repository at its base commit, made once on the host and kept by the repository's
/// content. Both the agent's <c>/repo/.git</c> and root's private snapshot are extracted from it, where each container
/// used to run <c>git init</c>, <c>add</c> and <c>commit</c> itself (about 100 ms of a task's path, twice). The commit
/// is deterministic (fixed author, committer and dates), so every run of a task starts from the same base commit id.
/// Stat data in the index is the host's; git re-reads the files once in the container and finds them unchanged.
/// </summary>
internal sealed class BaseSnapshots
{
    /// <summary>Kept at most; the oldest entry goes first beyond this (a task's git dir is tens of kilobytes).</summary>
    private const int Capacity = 512;

    private static readonly IReadOnlyDictionary<string, string> GitEnvironment = new Dictionary<string, string>
    {
        // Nothing of the host user's git configuration (signing, hooks, autocrlf) may shape the snapshot.
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_AUTHOR_NAME"] = "evolver",
        ["GIT_AUTHOR_EMAIL"] = "evolver@localhost",
        ["GIT_AUTHOR_DATE"] = "2000-01-01T00:00:00Z",
        ["GIT_COMMITTER_NAME"] = "evolver",
        ["GIT_COMMITTER_EMAIL"] = "evolver@localhost",
        ["GIT_COMMITTER_DATE"] = "2000-01-01T00:00:00Z",
    };

    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    /// <summary>A tar of the base commit's git directory for <paramref name="repoDirectory"/>, whose tar is <paramref name="repoTar"/>.</summary>
    /// <exception cref="SandboxException">git is missing on the host or failed.</exception>
    public async Task<byte[]> GitDirectoryTarAsync(string repoDirectory, byte[] repoTar, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(repoTar));
        var entry = cache.GetOrAdd(key, _ =>
        {
            order.Enqueue(key);
            return new Lazy<Task<byte[]>>(() => BuildAsync(repoDirectory, CancellationToken.None));
        });
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SandboxException)
        {
            // A failure is not kept: the next task tries again.
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(key, entry));
            throw;
        }
        finally
        {
            while (cache.Count > Capacity && order.TryDequeue(out var oldest))
            {
                cache.TryRemove(oldest, out _);
            }
        }
    }

    private static async Task<byte[]> BuildAsync(string repoDirectory, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("evolver-base-");
        try
        {
            var gitDir = Path.Combine(work.FullName, ".git");
            var errors = new List<string>();
            await GitAsync("init", ["init", "-q", work.FullName], errors, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(gitDir, "info", "exclude"), "bin/\nobj/\n__pycache__/\n*.pyc\n.pytest_cache/\nTestResults/\n", cancellationToken).ConfigureAwait(false);
            foreach (var sample in Directory.EnumerateFiles(Path.Combine(gitDir, "hooks")))
            {
                File.Delete(sample);
            }

            string[] tree = ["--git-dir", gitDir, "--work-tree", repoDirectory, "-c", "core.quotepath=off", "-c", "core.hooksPath=/dev/null"];
            await GitAsync("add", [.. tree, "add", "-A"], errors, cancellationToken).ConfigureAwait(false);
            await GitAsync("commit", [.. tree, "commit", "-q", "--allow-empty", "--no-verify", "--no-gpg-sign", "-m", "base"], errors, cancellationToken).ConfigureAwait(false);
            using var tar = new TarBuilder();
            await tar.AddDirectoryAsync(gitDir, "", cancellationToken).ConfigureAwait(false);
            return tar.ToArray();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task GitAsync(string verb, string[] arguments, List<string> errors, CancellationToken cancellationToken)
    {
        var exit = await HostProcess.RunAsync("git", arguments, line => errors.Add(line), GitEnvironment, cancellationToken).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new SandboxException($"could not snapshot the task repository (git {verb} exited {exit}): {string.Join(" ", errors.TakeLast(5))}");
        }
    }
}
