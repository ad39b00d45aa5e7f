/// <summary>
/// The task repository while the agent works on it: every change can be undone, and files the test runs leave behind
/// (build output, caches) are removed at the end, so the diff holds the kept patch and nothing else.
/// </summary>
internal sealed class Workspace
{
    private readonly Dictionary<string, string> originals = new(StringComparer.Ordinal);
    private readonly HashSet<string> initialFiles;

    public Workspace(string root)
    {
        Root = Path.GetFullPath(root);
        initialFiles = ListFiles().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The repository folder.</summary>
    public string Root { get; }

    /// <summary>Files of the repository (relative, <c>/</c> separators) outside <c>.git</c>, in ordinal order.</summary>
    public IEnumerable<string> ListFiles() =>
        Directory.EnumerateFiles(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>The current text of <paramref name="file"/>.</summary>
    public string Read(string file) => File.ReadAllText(Path.Combine(Root, file));

    /// <summary>Writes <paramref name="text"/> to <paramref name="file"/>, remembering the original the first time.</summary>
    public void Write(string file, string text)
    {
        Track(file);
        File.WriteAllText(Path.Combine(Root, file), text);
    }

    /// <summary>Remembers the original of <paramref name="file"/> before something else (a test driver) may change it.</summary>
    public void Track(string file)
    {
        if (!originals.ContainsKey(file))
        {
            originals[file] = Read(file);
        }
    }

    /// <summary>Puts <paramref name="file"/> back as it was before the first <see cref="Write"/>.</summary>
    public void Restore(string file)
    {
        if (originals.Remove(file, out var text))
        {
            File.WriteAllText(Path.Combine(Root, file), text);
        }
    }

    /// <summary>Puts every changed file back.</summary>
    public void RestoreAll()
    {
        foreach (var file in originals.Keys.ToList())
        {
            Restore(file);
        }
    }

    /// <summary>Deletes files the runs created (caches, build output) and the folders left empty by that.</summary>
    public void RemoveNewFiles()
    {
        foreach (var file in ListFiles().Where(f => !initialFiles.Contains(f)).ToList())
        {
            TryDelete(() => File.Delete(Path.Combine(Root, file)));
        }

        var folders = Directory.EnumerateDirectories(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Where(d => !Path.GetRelativePath(Root, d).Replace('\\', '/').StartsWith(".git", StringComparison.Ordinal))
            .OrderByDescending(d => d.Length)
            .ToList();
        foreach (var folder in folders)
        {
            var relative = Path.GetRelativePath(Root, folder).Replace('\\', '/') + "/";
            if (!Directory.EnumerateFileSystemEntries(folder).Any() && !initialFiles.Any(f => f.StartsWith(relative, StringComparison.Ordinal)))
            {
                TryDelete(() => Directory.Delete(folder));
            }
        }
    }

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind: the harness ignores build output and caches in the diff anyway.
        }
    }
}
