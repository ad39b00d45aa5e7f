namespace Evolver.Archive;

/// <summary>
/// A variant and the variants whose first parent it is. A crossover child hangs under its first parent; its
/// second parent is in <see cref="VariantSummary.Parents"/>.
/// </summary>
/// <param name="Variant">The variant.</param>
/// <param name="Children">Its children by first parent, in id order.</param>
public sealed record ArchiveTreeNode(VariantSummary Variant, IReadOnlyList<ArchiveTreeNode> Children);
