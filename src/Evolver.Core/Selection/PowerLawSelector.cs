namespace Evolver.Core;

/// <summary>
/// <c>power_law</c>: rank-based sampling as ShinkaEvolve's <c>sample_with_powerlaw</c>: candidates sorted by score,
/// best first (ties keep pool order), and the candidate of rank r (1-based) has p ∝ r^−α.
/// </summary>
internal static class PowerLawSelector
{
    public static IParentSelector Create(ParentSelectorOptions options) => new WeightedSelector("power_law", pool =>
    {
        var ranked = Enumerable.Range(0, pool.Count).OrderByDescending(i => pool[i].Score).ToArray();
        var weights = new double[pool.Count];
        for (var rank = 0; rank < ranked.Length; rank++)
        {
            weights[ranked[rank]] = Math.Pow(rank + 1, -options.PowerLawAlpha);
        }

        return weights;
    });
}
