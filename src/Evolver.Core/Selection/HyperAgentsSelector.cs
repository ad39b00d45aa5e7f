namespace Evolver.Core;

/// <summary>
/// <c>hyperagents</c>: HyperAgents' <c>score_child_prop</c> (utils/gl_utils.py, <c>select_parent</c>): the sigmoid is
/// centred on the mean of the top three scores (fewer when the pool is smaller) and children are penalised gently,
/// then sharply: p ∝ σ(k·(score − mean_top3)) · exp(−(children/8)³), k = 10 by default.
/// </summary>
internal static class HyperAgentsSelector
{
    public static IParentSelector Create(ParentSelectorOptions options) => new WeightedSelector("hyperagents", pool =>
    {
        var midpoint = pool.Select(c => c.Score).OrderDescending().Take(3).Average();
        return [.. pool.Select(c => SelectionMath.Sigmoid(options.Sharpness * (c.Score - midpoint)) * Math.Exp(-Math.Pow(c.Children / 8.0, 3)))];
    });
}
