using System.Collections.Concurrent;
using Evolver.Archive;

namespace Evolver.Web;

/// <summary>
/// A variant's archived logs, read through <see cref="AgentArchive.ExportLogs"/> into memory and kept by the logs
/// commit (which never changes), so clicking around a page reads git once per variant.
/// </summary>
internal sealed class LogStore(AgentArchive archive)
{
    private const int MaxCached = 64;

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, byte[]>> cache = new(StringComparer.Ordinal);

    /// <summary>The files of logs commit <paramref name="logsCommit"/> of variant <paramref name="id"/>, by path with <c>/</c>.</summary>
    public IReadOnlyDictionary<string, byte[]> Files(string id, string logsCommit)
    {
        if (cache.TryGetValue(logsCommit, out var files))
        {
            return files;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"evolver-web-logs-{Guid.NewGuid():N}");
        try
        {
            archive.ExportLogs(id, folder);
            files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        cache[logsCommit] = files;
        return files;
    }
}
