using System.Security.Cryptography;
using System.Text;

namespace Evolver.Suites;

/// <summary>File helpers of the importer. Files are written anew rather than copied, so read-only upstream modes do not follow.</summary>
internal static class FileTree
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8);
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.WriteAllBytes(to, File.ReadAllBytes(from));
    }

    /// <summary>Text of a file without a byte-order mark, which some upstream project files carry.</summary>
    public static string ReadText(string path) => File.ReadAllText(path, Utf8).TrimStart('\uFEFF');

    /// <summary>Text of a file exactly as stored, a byte-order mark included, for diffs that must match its bytes.</summary>
    public static string ReadRaw(string path) => Utf8.GetString(File.ReadAllBytes(path));

    /// <summary>A hex SHA-256 over labelled parts: each file's path relative to <paramref name="root"/> and its bytes, in order.</summary>
    public static string Hash(string root, IEnumerable<string> files, params string[] labels)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var label in labels)
        {
            Add(hash, Encoding.UTF8.GetBytes(label));
        }

        foreach (var file in files)
        {
            Add(hash, Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/')));
            Add(hash, File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Deletes a folder and everything in it, if it exists.</summary>
    public static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    // Length-prefixed, so that no two different sequences of parts hash alike.
    private static void Add(IncrementalHash hash, byte[] bytes)
    {
        hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
        hash.AppendData(bytes);
    }
}
