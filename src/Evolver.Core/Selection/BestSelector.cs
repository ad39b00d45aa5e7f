namespace Evolver.Core;

/// <summary>
/// <c>best</c>: greedy. One draw always takes the highest score (ties: fewer children, then pool order); several draws
/// take the top candidates in rank order and start over from the top when the pool is smaller than the count.
/// (DGM's own <c>best</c> sorts ascending and so picks the worst; this one does what the name says.)
/// </summary>
internal sealed class BestSelector : IParentSelector
{
    public string Name => "best";

    public IReadOnlyDictionary<string, double> Probabilities(IReadOnlyList<SelectionCandidate> candidates) =>
        SelectionMath.FromWeights(candidates, pool =>
        {
            var top = Ranked(pool)[0];
            return [.. pool.Select(c => ReferenceEquals(c, top) ? 1.0 : 0.0)];
        });

    public IReadOnlyList<SelectionCandidate> Select(IReadOnlyList<SelectionCandidate> candidates, int count, Random random)
    {
        SelectionMath.CheckCandidates(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        if (candidates.Count == 0)
        {
            return [];
        }

        var ranked = Ranked(candidates);
        return [.. Enumerable.Range(0, count).Select(i => ranked[i % ranked.Count])];
    }

    private static List<SelectionCandidate> Ranked(IReadOnlyList<SelectionCandidate> candidates) =>
        [.. candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Children)];
}
