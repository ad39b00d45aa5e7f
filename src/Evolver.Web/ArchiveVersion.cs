using System.Security.Cryptography;
using System.Text;

namespace Evolver.Web;

/// <summary>
/// A cheap fingerprint of an archive's state, for live refresh: it changes whenever a variant, a note or the run state
/// is written. Read from the ref files alone (no git object is opened), so a page can poll it every second or two.
/// </summary>
internal static class ArchiveVersion
{
    // Every write moves the notes ref (a new or replaced evaluation record) or the run ref; a variant ref is written
    // just after its note, so the variant refs' folder is watched too.
    private static readonly string[] Refs = ["refs/notes/evolver", "refs/evolver/run"];

    public static string Read(string archivePath)
    {
        var text = new StringBuilder();
        foreach (var name in Refs)
        {
            var loose = Path.Combine(archivePath, name);
            text.Append(name).Append('=').Append(File.Exists(loose) ? ReadShared(loose).Trim() : "-").Append(';');
        }

        // Adding or deleting a variant ref (git writes a lock file and renames it) changes its folder's modification
        // time: one stat, however many variants there are.
        var variants = new DirectoryInfo(Path.Combine(archivePath, "refs", "evolver", "variants"));
        if (variants.Exists)
        {
            text.Append("variants=").Append(variants.LastWriteTimeUtc.Ticks).Append(';');
        }

        // Packed refs (after a clone or git gc) hold the refs that have no loose file.
        var packed = new FileInfo(Path.Combine(archivePath, "packed-refs"));
        if (packed.Exists)
        {
            text.Append("packed=").Append(packed.Length).Append(':').Append(packed.LastWriteTimeUtc.Ticks);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    // A writer may be replacing the file at this moment; git writes refs by rename, so a retry sees the new one.
    private static string ReadShared(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return "-";
            }
            catch (IOException) when (attempt < 3)
            {
                Thread.Sleep(5);
            }
        }
    }
}
