namespace Evolver.Web;

/// <summary>What the static report inlines: the summary, every variant, and each one's evaluation record.</summary>
internal sealed record ReportData(
    ArchiveSummary Summary, IReadOnlyList<VariantNode> Variants, IReadOnlyDictionary<string, VariantDetail> Details, DateTimeOffset GeneratedAt);
