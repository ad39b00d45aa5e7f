using System.Formats.Tar;

namespace Evolver.Sandbox;

/// <summary>Builds one in-memory tar from host folders and files, each under a chosen path prefix.</summary>
internal sealed class TarBuilder : IDisposable
{
    private const UnixFileMode ReadableFile = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    // Dot files count as hidden on Unix, and the default options skip them.
    private static readonly EnumerationOptions Everything = new() { AttributesToSkip = 0, RecurseSubdirectories = false, IgnoreInaccessible = false };
    private readonly MemoryStream buffer = new();
    private readonly TarWriter writer;

    public TarBuilder() => writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true);

    /// <summary>
    /// Adds everything under <paramref name="directory"/> as <c>prefix/relative path</c> (no entry for the prefix
    /// itself, so extracting never touches an existing mount point's mode). Symbolic links are stored, not followed.
    /// </summary>
    public async Task AddDirectoryAsync(string directory, string prefix, CancellationToken cancellationToken)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.TryPop(out var current))
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(current, "*", Everything).Order(StringComparer.Ordinal))
            {
                var name = Join(prefix, Path.GetRelativePath(directory, path).Replace('\\', '/'));
                var info = new FileInfo(path);
                var isDirectory = info.Attributes.HasFlag(FileAttributes.Directory) && info.LinkTarget is null;
                await writer.WriteEntryAsync(path, isDirectory ? name + "/" : name, cancellationToken).ConfigureAwait(false);
                if (isDirectory)
                {
                    pending.Push(path);
                }
            }
        }
    }

    /// <summary>Adds every entry of <paramref name="tar"/> (made by this class) under <paramref name="prefix"/>.</summary>
    public async Task AddTarAsync(byte[] tar, string prefix, CancellationToken cancellationToken)
    {
        using var reader = new TarReader(new MemoryStream(tar));
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            var copy = new PaxTarEntry(entry) { Name = Join(prefix, entry.Name) };
            await writer.WriteEntryAsync(copy, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds a world-readable file.</summary>
    public void AddFile(string name, byte[] content) =>
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), Mode = ReadableFile });

    /// <summary>The finished tar; the builder cannot be used after this.</summary>
    public byte[] ToArray()
    {
        writer.Dispose();
        return buffer.ToArray();
    }

    public void Dispose()
    {
        writer.Dispose();
        buffer.Dispose();
    }

    private static string Join(string prefix, string relative) => prefix.Length == 0 ? relative : prefix.TrimEnd('/') + "/" + relative;
}
