using LibGit2Sharp;

namespace Evolver.Archive;

/// <summary>Writes an agent's source folder into the object database as a tree.</summary>
internal static class SourceTreeWriter
{
    public static Tree Write(Repository repo, string sourceDirectory, IReadOnlyCollection<string> excludedDirectories)
    {
        var root = new DirectoryInfo(sourceDirectory);
        if (!root.Exists)
        {
            throw new ArchiveException($"The agent's source folder '{sourceDirectory}' does not exist.");
        }

        var excluded = new HashSet<string>(excludedDirectories, StringComparer.Ordinal);
        return repo.Lookup<Tree>(WriteDirectory(repo, root, excluded) ?? RawTree.Write(repo, []));
    }

    // Written bottom-up, one folder at a time; an empty folder yields no tree, as in git.
    private static ObjectId? WriteDirectory(Repository repo, DirectoryInfo dir, HashSet<string> excluded)
    {
        var entries = new Dictionary<string, (Mode, ObjectId)>(StringComparer.Ordinal);
        foreach (var entry in dir.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is { } target)
            {
                using var link = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(target));
                entries[entry.Name] = (Mode.SymbolicLink, repo.ObjectDatabase.CreateBlob(link).Id);
            }
            else if (entry is DirectoryInfo sub)
            {
                if (!excluded.Contains(sub.Name) && WriteDirectory(repo, sub, excluded) is { } tree)
                {
                    entries[entry.Name] = (Mode.Directory, tree);
                }
            }
            else
            {
                using var stream = File.OpenRead(entry.FullName);
                entries[entry.Name] = (IsExecutable(entry) ? Mode.ExecutableFile : Mode.NonExecutableFile, repo.ObjectDatabase.CreateBlob(stream).Id);
            }
        }

        return entries.Count == 0 ? null : RawTree.Write(repo, entries);
    }

    private static bool IsExecutable(FileSystemInfo file) =>
        !OperatingSystem.IsWindows() && (file.UnixFileMode & UnixFileMode.UserExecute) != 0;
}
