namespace Evolver.Archive;

/// <summary>
/// Removes the <c>.lock</c> files libgit2 leaves when a writer dies while updating a ref; left in place they would
/// block every later update of that ref. Only called while holding the archive's write lock, when no Evolver
/// writer can be mid-update.
/// </summary>
internal sealed class GitRefLocks(string gitDirectory)
{
    public bool ClearStale(string refName)
    {
        var path = Path.Combine(gitDirectory, refName + ".lock");
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    /// <summary>Every stale lock file under <c>refs/</c>, plus <c>packed-refs.lock</c>, relative to the git directory.</summary>
    public IReadOnlyList<string> FindAll()
    {
        var found = new List<string>();
        var refs = Path.Combine(gitDirectory, "refs");
        if (Directory.Exists(refs))
        {
            found.AddRange(Directory.EnumerateFiles(refs, "*.lock", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(gitDirectory, p).Replace('\\', '/')));
        }

        if (File.Exists(Path.Combine(gitDirectory, "packed-refs.lock")))
        {
            found.Add("packed-refs.lock");
        }

        return found;
    }

    public void Delete(string relativePath) => File.Delete(Path.Combine(gitDirectory, relativePath));
}
