namespace Evolver.Core;

/// <summary>
/// <c>hgm</c>: the Huxley–Gödel Machine's clade Thompson sampling. A variant's promise is judged by its whole subtree
/// (its clade), not its own score: each candidate draws θ ~ Beta(τ·(1 + S), τ·(1 + F)), with S and F the resolved and
/// failed tasks over the variant and all its descendants (<see cref="SelectionCandidate.CladeSuccesses"/>), and the
/// largest θ wins. τ (default 1) sharpens the posteriors as HGM's temperature does.
/// </summary>
internal sealed class CladeThompsonSelector(ParentSelectorOptions options) : IParentSelector
{
    public string Name => "hgm";

    public IReadOnlyDictionary<string, double> Probabilities(IReadOnlyList<SelectionCandidate> candidates) =>
        SelectionMath.FromWeights(candidates, pool => BetaDistribution.ProbabilityOfMax([.. pool.Select(Posterior)]));

    public IReadOnlyList<SelectionCandidate> Select(IReadOnlyList<SelectionCandidate> candidates, int count, Random random)
    {
        SelectionMath.CheckCandidates(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        var picks = new List<SelectionCandidate>(count);
        for (var n = 0; n < count && candidates.Count > 0; n++)
        {
            var best = 0;
            var bestDraw = double.NegativeInfinity;
            for (var i = 0; i < candidates.Count; i++)
            {
                var (a, b) = Posterior(candidates[i]);
                var draw = BetaDistribution.Sample(a, b, random);
                if (draw > bestDraw)
                {
                    (best, bestDraw) = (i, draw);
                }
            }

            picks.Add(candidates[best]);
        }

        return picks;
    }

    private (double A, double B) Posterior(SelectionCandidate candidate) =>
        (options.HgmTemperature * (1 + candidate.CladeSuccesses), options.HgmTemperature * (1 + candidate.CladeFailures));
}
