namespace Evolver.Core;

/// <summary>
/// <c>shinka</c>: ShinkaEvolve's weighted sampling (shinka/database/parents.py, <c>WeightedSamplingStrategy</c>):
/// with α₀ the median score and MAD = median(|score − α₀|),
/// p ∝ σ(λ·(score − α₀) / max(MAD, 10⁻⁶)) · 1/(1 + children), λ = 10 by default.
/// Scaling by the MAD makes the pressure independent of how spread out the scores are.
/// </summary>
internal static class ShinkaSelector
{
    private const double MinScale = 1e-6;

    public static IParentSelector Create(ParentSelectorOptions options) => new WeightedSelector("shinka", pool =>
    {
        var median = SelectionMath.Median(pool.Select(c => c.Score));
        var scale = Math.Max(SelectionMath.Median(pool.Select(c => Math.Abs(c.Score - median))), MinScale);
        return [.. pool.Select(c => SelectionMath.Sigmoid(options.ShinkaLambda * (c.Score - median) / scale) / (1.0 + c.Children))];
    });
}
