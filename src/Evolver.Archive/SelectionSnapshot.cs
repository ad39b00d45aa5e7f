using System.Text;
using Evolver.Core;

namespace Evolver.Archive;

/// <summary>
/// A file beside the index holding the parent-selection inputs as of one index version, so a newly opened archive
/// reads them in one sequential pass instead of stepping through every admitted row in SQLite, then fetches only the
/// rows written since. It is a cache: it names the index epoch and version it was taken at, a stale, foreign or
/// damaged file is ignored (and replaced), and failing to write it changes nothing else.
/// </summary>
internal static class SelectionSnapshot
{
    public const string FileName = "index.selection";

    private const string Magic = "evolver-selection-1";

    /// <summary>
    /// Reads the snapshot when it was taken in <paramref name="epoch"/> at a version no later than
    /// <paramref name="version"/> over a prefix of <paramref name="tasks"/>; null otherwise.
    /// </summary>
    public static (long Version, List<ParentCandidate> Rows)? TryLoad(string path, string? epoch, long version, string[] tasks)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadString() != (epoch ?? ""))
            {
                return null;
            }

            var taken = reader.ReadInt64();
            var taskCount = reader.ReadInt32();
            if (taken > version || taskCount < 0 || taskCount > tasks.Length)
            {
                return null;
            }

            for (var i = 0; i < taskCount; i++)
            {
                if (reader.ReadString() != tasks[i])
                {
                    return null;
                }
            }

            // Each row takes at least 18 bytes; a count the file cannot hold is damage, not a reason to allocate.
            var count = reader.ReadInt32();
            if (count < 0 || count > stream.Length / 18)
            {
                return null;
            }

            var rows = new List<ParentCandidate>(count);
            for (var i = 0; i < count; i++)
            {
                var id = reader.ReadString();
                var score = reader.ReadDouble();
                var children = reader.ReadInt32();
                var generation = reader.ReadInt32();
                rows.Add(new ParentCandidate(id, score, children, generation, new OutcomeVector(tasks, reader.ReadString())));
            }

            return reader.ReadString() == Magic ? (taken, rows) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or FormatException)
        {
            // Missing, half-written by a crashed process (the trailer is absent) or otherwise unreadable: read the index instead.
            return null;
        }
    }

    /// <summary>Replaces the snapshot atomically (a temp file renamed over it); a read-only archive just keeps none.</summary>
    public static void TrySave(string path, string? epoch, long version, IReadOnlyList<string> tasks, IReadOnlyList<ParentCandidate> rows)
    {
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(epoch ?? "");
                writer.Write(version);
                writer.Write(tasks.Count);
                foreach (var task in tasks)
                {
                    writer.Write(task);
                }

                writer.Write(rows.Count);
                foreach (var row in rows)
                {
                    writer.Write(row.Id);
                    writer.Write(row.Score);
                    writer.Write(row.Children);
                    writer.Write(row.Generation);
                    writer.Write(row.Outcomes.Codes);
                }

                writer.Write(Magic);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stray temp file harms nothing; the snapshot itself was never touched.
        }
    }
}
