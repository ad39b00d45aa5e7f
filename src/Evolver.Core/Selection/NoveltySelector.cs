namespace Evolver.Core;

/// <summary>
/// <c>novelty</c>: behavioural novelty blended with fitness. A candidate's novelty is its mean distance to its k nearest
/// other candidates (k = min(<see cref="ParentSelectorOptions.NoveltyNeighbors"/>, pool − 1)) over task-outcome vectors
/// (<see cref="NoveltyDistance"/>; 0 in a pool of one), and p ∝ (1 − β)·score + β·novelty with β the novelty weight.
/// Both terms lie in [0, 1], so β is the share of the pressure that rewards behaving differently.
/// </summary>
internal static class NoveltySelector
{
    public static IParentSelector Create(ParentSelectorOptions options) => new WeightedSelector("novelty", pool =>
    {
        var novelty = Novelty(pool, options);
        return [.. pool.Select((c, i) => ((1 - options.NoveltyWeight) * c.Score) + (options.NoveltyWeight * novelty[i]))];
    });

    /// <summary>Each candidate's mean distance to its k nearest others.</summary>
    internal static double[] Novelty(IReadOnlyList<SelectionCandidate> candidates, ParentSelectorOptions options)
    {
        var n = candidates.Count;
        var distances = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                distances[i, j] = distances[j, i] =
                    OutcomeDistances.Between(candidates[i].Variant.Outcomes, candidates[j].Variant.Outcomes, options.NoveltyDistance);
            }
        }

        var k = Math.Min(options.NoveltyNeighbors, n - 1);
        var novelty = new double[n];
        for (var i = 0; i < n && k > 0; i++)
        {
            novelty[i] = Enumerable.Range(0, n).Where(j => j != i).Select(j => distances[i, j]).Order().Take(k).Average();
        }

        return novelty;
    }
}
