namespace Evolver.Core;

/// <summary>
/// Picks the parents of the next children from the admitted variants: the loop's selection step.
/// Implementations are pure: the same candidates and the same <see cref="Random"/> state give the same picks.
/// </summary>
public interface IParentSelector
{
    /// <summary>The selector's name as written in the run config, e.g. <c>dgm</c> or <c>hgm</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The chance of each candidate (by id) to be picked by one draw of <see cref="Select"/>; the values sum to 1.
    /// Empty when there are no candidates.
    /// </summary>
    /// <param name="candidates">The admitted variants, with unique ids.</param>
    IReadOnlyDictionary<string, double> Probabilities(IReadOnlyList<SelectionCandidate> candidates);

    /// <summary>
    /// Picks <paramref name="count"/> parents, one independent draw each, so a candidate may be picked more than once
    /// (as DGM does); <c>best</c> returns the top candidates in rank order instead. Empty when there are no candidates.
    /// </summary>
    /// <param name="candidates">The admitted variants, with unique ids.</param>
    /// <param name="count">How many parents to pick; 0 or more.</param>
    /// <param name="random">The only source of randomness the selector uses.</param>
    IReadOnlyList<SelectionCandidate> Select(IReadOnlyList<SelectionCandidate> candidates, int count, Random random);
}
