namespace Evolver.Archive;

/// <summary>One step of a lineage: a variant and how its score moved from its first parent's.</summary>
/// <param name="Variant">The variant.</param>
/// <param name="ScoreDelta">Its score minus its first parent's; null for the root.</param>
public sealed record LineageStep(VariantSummary Variant, double? ScoreDelta);
