using System.Text.Json;

namespace Evolver.Web;

/// <summary>
/// <c>evolver report</c>: the lineage tree, plots, filters and each variant's evaluation record in one HTML file, with
/// its data, scripts and style inlined, so it opens from disk with no server and loads nothing from the network (to
/// attach to a paper or a CI run). Diffs, transcripts and logs stay with <c>evolver serve</c>.
/// </summary>
public static class LineageReport
{
    /// <summary>
    /// Writes the report of the archive at <paramref name="archivePath"/> to <paramref name="outputPath"/> (replacing it
    /// atomically) and returns the number of variants in it. Throws <see cref="Evolver.Archive.ArchiveException"/> naming
    /// the folder when it is not an archive.
    /// </summary>
    public static async Task<int> WriteAsync(string archivePath, string outputPath, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archivePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        ArgumentNullException.ThrowIfNull(timeProvider);
        using var view = ArchiveView.Open(archivePath, pollMilliseconds: 0);
        var snap = await view.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var data = new ReportData(snap.Summary, snap.Nodes, view.AllDetails(snap), timeProvider.GetUtcNow());
        var html = WebAssets.Report(JsonSerializer.Serialize(data, WebJson.HtmlSafe));
        var full = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        await File.WriteAllTextAsync(temp, html, cancellationToken).ConfigureAwait(false);
        File.Move(temp, full, overwrite: true);
        return snap.Nodes.Count;
    }
}
