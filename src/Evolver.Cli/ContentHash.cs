using System.Security.Cryptography;
using System.Text;

namespace Evolver.Cli;

/// <summary>A hash of a folder's content: every file's relative path and bytes, in a fixed order.</summary>
internal static class ContentHash
{
    /// <summary>Hex SHA-256 of the files under <paramref name="directory"/> (hidden ones included; symlinks followed).</summary>
    public static async Task<string> OfDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        var buffer = new byte[81920];
        foreach (var file in files)
        {
            // Length-prefixed path, then the content's length and bytes: no two trees give the same stream.
            var name = Encoding.UTF8.GetBytes(file);
            sha.AppendData(BitConverter.GetBytes(name.Length));
            sha.AppendData(name);
            await using var stream = File.OpenRead(Path.Combine(directory, file));
            sha.AppendData(BitConverter.GetBytes(stream.Length));
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
