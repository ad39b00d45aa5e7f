namespace Evolver.Core;

/// <summary>
/// A parent candidate as selectors see it: the archive's <see cref="ParentCandidate"/> plus what some selectors need
/// beyond it (the task outcomes of the variant's whole subtree for <c>hgm</c>, descriptors such as the Roslyn syntax-tree
/// size for <c>map_elites</c>).
/// </summary>
/// <param name="Variant">The archive's selection inputs for the variant.</param>
public sealed record SelectionCandidate(ParentCandidate Variant)
{
    /// <summary>The descriptor holding the Roslyn syntax-tree size (node count) of the agent's source; supplied by the caller.</summary>
    public const string SyntaxSize = "syntax_size";

    /// <summary>The descriptor holding the syntax-tree distance from the seed; supplied by the caller.</summary>
    public const string SyntaxDistance = "syntax_distance";

    /// <summary>The variant's id.</summary>
    public string Id => Variant.Id;

    /// <summary>Its fitness, 0 to 1.</summary>
    public double Score => Variant.Score;

    /// <summary>How many variants name it as a parent.</summary>
    public int Children => Variant.Children;

    /// <summary>
    /// Resolved tasks over the variant and all its descendants (admitted or not). Defaults to the variant's own
    /// resolved tasks; <see cref="Build"/> fills in the subtree.
    /// </summary>
    public int CladeSuccesses { get; init; } = CladeCounter.Own(Variant.Outcomes).Successes;

    /// <summary>Tasks run and not resolved (harness errors left out) over the variant and all its descendants.</summary>
    public int CladeFailures { get; init; } = CladeCounter.Own(Variant.Outcomes).Failures;

    /// <summary>Numeric descriptors by name, e.g. <see cref="SyntaxSize"/>; empty by default.</summary>
    public IReadOnlyDictionary<string, double> Descriptors { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// Wraps the archive's candidates, filling in subtree outcome counts from <paramref name="lineage"/> and descriptors
    /// from <paramref name="descriptors"/> (by variant id).
    /// </summary>
    /// <param name="candidates">The admitted variants (<c>AgentArchive.ReadSelectionInputs</c>).</param>
    /// <param name="lineage">
    /// Every archived variant, admitted or not, with its parents and own outcome counts; null leaves each candidate's
    /// clade counts at its own outcomes. A variant reached through several parents (crossover) counts once per ancestor.
    /// </param>
    /// <param name="descriptors">Descriptors per variant id; variants missing from it get none.</param>
    public static IReadOnlyList<SelectionCandidate> Build(
        IReadOnlyList<ParentCandidate> candidates,
        IReadOnlyList<CladeNode>? lineage = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? descriptors = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var clades = lineage is null ? null : CladeCounter.Count(lineage);
        return candidates.Select(c =>
        {
            var candidate = new SelectionCandidate(c);
            if (clades is not null && clades.TryGetValue(c.Id, out var clade))
            {
                candidate = candidate with { CladeSuccesses = clade.Successes, CladeFailures = clade.Failures };
            }

            if (descriptors is not null && descriptors.TryGetValue(c.Id, out var values))
            {
                candidate = candidate with { Descriptors = values };
            }

            return candidate;
        }).ToList();
    }
}
