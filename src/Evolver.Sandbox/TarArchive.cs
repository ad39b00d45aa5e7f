using System.Formats.Tar;
using System.Text;

namespace Evolver.Sandbox;

/// <summary>Builds and reads the tar streams that carry files into and out of containers.</summary>
internal static class TarArchive
{
    /// <summary>A tar of everything under <paramref name="directory"/> (dot files included), paths relative to it.</summary>
    public static async Task<byte[]> FromDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        using var tar = new TarBuilder();
        await tar.AddDirectoryAsync(directory, "", cancellationToken).ConfigureAwait(false);
        return tar.ToArray();
    }

    /// <summary>A tar holding the given files, each world-readable.</summary>
    public static byte[] FromFiles(IEnumerable<(string Name, byte[] Content)> files)
    {
        using var tar = new TarBuilder();
        foreach (var (name, content) in files)
        {
            tar.AddFile(name, content);
        }

        return tar.ToArray();
    }

    /// <summary>The regular files of a tar stream as text, by name.</summary>
    public static async Task<IReadOnlyList<(string Name, string Text)>> ReadTextFilesAsync(byte[] tar, CancellationToken cancellationToken)
    {
        var files = new List<(string, string)>();
        if (tar.Length == 0)
        {
            return files;
        }

        using var reader = new TarReader(new MemoryStream(tar));
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
            {
                using var text = new StreamReader(data, Encoding.UTF8);
                files.Add((entry.Name, await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false)));
            }
        }

        return files;
    }
}
