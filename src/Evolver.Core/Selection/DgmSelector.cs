namespace Evolver.Core;

/// <summary>
/// <c>dgm</c>: the Darwin Gödel Machine's <c>score_child_prop</c> (DGM_outer.py, <c>choose_selfimproves</c>):
/// p ∝ σ(k·(score − m)) · 1/(1 + children), with k = 10 and m = 0.5 by default.
/// </summary>
internal static class DgmSelector
{
    public static IParentSelector Create(ParentSelectorOptions options) => new WeightedSelector(
        "dgm",
        pool => [.. pool.Select(c => SelectionMath.Sigmoid(options.Sharpness * (c.Score - options.DgmMidpoint)) / (1.0 + c.Children))]);
}
