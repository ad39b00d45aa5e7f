namespace Evolver.Archive.Tests;

/// <summary>Compares summaries by value, parents included (records compare lists by reference).</summary>
internal sealed class SummaryComparer : IEqualityComparer<VariantSummary>
{
    public bool Equals(VariantSummary? x, VariantSummary? y) =>
        x is not null && y is not null && x with { Parents = [] } == y with { Parents = [] } && x.Parents.SequenceEqual(y.Parents);

    public int GetHashCode(VariantSummary obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
}
