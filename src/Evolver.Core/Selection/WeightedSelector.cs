namespace Evolver.Core;

/// <summary>A selector whose one-draw chances are proportional to a weight per candidate; draws are independent.</summary>
/// <param name="name">The config name.</param>
/// <param name="weights">The candidates' weights, in pool order; never called with an empty pool.</param>
internal sealed class WeightedSelector(string name, Func<IReadOnlyList<SelectionCandidate>, double[]> weights) : IParentSelector
{
    public string Name => name;

    public IReadOnlyDictionary<string, double> Probabilities(IReadOnlyList<SelectionCandidate> candidates) =>
        SelectionMath.FromWeights(candidates, weights);

    public IReadOnlyList<SelectionCandidate> Select(IReadOnlyList<SelectionCandidate> candidates, int count, Random random) =>
        SelectionMath.Draw(candidates, Probabilities(candidates), count, random);
}
