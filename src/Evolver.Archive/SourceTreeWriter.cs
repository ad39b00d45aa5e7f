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
        return WriteDirectory(repo, root, excluded);
    }

    // One flat TreeDefinition per folder, written bottom-up: avoids TreeDefinition's nested-path bookkeeping.
    private static Tree WriteDirectory(Repository repo, DirectoryInfo dir, HashSet<string> excluded)
    {
        var definition = new TreeDefinition();
        foreach (var entry in dir.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is { } target)
            {
                using var link = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(target));
                definition.Add(entry.Name, repo.ObjectDatabase.CreateBlob(link), Mode.SymbolicLink);
            }
            else if (entry is DirectoryInfo sub)
            {
                if (excluded.Contains(sub.Name))
                {
                    continue;
                }

                var tree = WriteDirectory(repo, sub, excluded);
                if (tree.Count > 0)
                {
                    definition.Add(sub.Name, tree);
                }
            }
            else
            {
                using var stream = File.OpenRead(entry.FullName);
                var blob = repo.ObjectDatabase.CreateBlob(stream);
                definition.Add(entry.Name, blob, IsExecutable(entry) ? Mode.ExecutableFile : Mode.NonExecutableFile);
            }
        }

        return repo.ObjectDatabase.CreateTree(definition);
    }

    private static bool IsExecutable(FileSystemInfo file) =>
        !OperatingSystem.IsWindows() && (file.UnixFileMode & UnixFileMode.UserExecute) != 0;
}
