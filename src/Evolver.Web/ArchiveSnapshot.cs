namespace Evolver.Web;

/// <summary>The archive as of one <see cref="ArchiveVersion"/>: its nodes and summary, rebuilt only when the version moves.</summary>
internal sealed record ArchiveSnapshot(string Version, IReadOnlyList<VariantNode> Nodes, ArchiveSummary Summary)
{
    public IReadOnlyDictionary<string, VariantNode> ById { get; } = Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
}
