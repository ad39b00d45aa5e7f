using LibGit2Sharp;

namespace Evolver.Archive;

/// <summary>Writes a tree out to a folder: the inverse of <see cref="SourceTreeWriter"/>.</summary>
internal static class TreeExporter
{
    public static int Export(Tree tree, string directory)
    {
        Directory.CreateDirectory(directory);
        var files = 0;
        foreach (var entry in tree)
        {
            var path = Path.Combine(directory, entry.Name);
            switch (entry.TargetType)
            {
                case TreeEntryTargetType.Tree:
                    files += Export((Tree)entry.Target, path);
                    break;
                case TreeEntryTargetType.Blob when entry.Mode == Mode.SymbolicLink:
                    File.CreateSymbolicLink(path, ((Blob)entry.Target).GetContentText());
                    files++;
                    break;
                case TreeEntryTargetType.Blob:
                    using (var source = ((Blob)entry.Target).GetContentStream())
                    using (var target = File.Create(path))
                    {
                        source.CopyTo(target);
                    }

                    if (entry.Mode == Mode.ExecutableFile && !OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                    }

                    files++;
                    break;
            }
        }

        return files;
    }
}
