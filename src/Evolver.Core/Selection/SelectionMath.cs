namespace Evolver.Core;

/// <summary>Shared arithmetic of the weight-based selectors: sigmoid, median, normalising and drawing.</summary>
internal static class SelectionMath
{
    /// <summary>1 / (1 + e^−x), computed without overflow for large |x|.</summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0)
        {
            return 1 / (1 + Math.Exp(-x));
        }

        var e = Math.Exp(x);
        return e / (1 + e);
    }

    /// <summary>The median; the mean of the two middle values for an even count (as numpy).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Throws when ids repeat: probabilities are keyed by id.</summary>
    public static void CheckCandidates(IReadOnlyList<SelectionCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (!ids.Add(candidate.Id))
            {
                throw new ArgumentException($"Candidate '{candidate.Id}' appears twice.", nameof(candidates));
            }
        }
    }

    /// <summary>
    /// Weights scaled to sum to 1; uniform when they sum to zero or are not finite (every weight underflowed), so a
    /// non-empty pool always yields a parent.
    /// </summary>
    public static double[] Normalize(double[] weights)
    {
        var total = weights.Sum();
        if (!(total > 0) || !double.IsFinite(total) || weights.Any(w => w < 0 || !double.IsFinite(w)))
        {
            return [.. weights.Select(_ => 1.0 / weights.Length)];
        }

        return [.. weights.Select(w => w / total)];
    }

    /// <summary>
    /// The probabilities of a selector whose chances follow <paramref name="weights"/>: checks the pool, and gives
    /// nothing for an empty one.
    /// </summary>
    public static IReadOnlyDictionary<string, double> FromWeights(
        IReadOnlyList<SelectionCandidate> candidates, Func<IReadOnlyList<SelectionCandidate>, double[]> weights)
    {
        CheckCandidates(candidates);
        return candidates.Count == 0
            ? new Dictionary<string, double>(StringComparer.Ordinal)
            : ById(candidates, Normalize(weights(candidates)));
    }

    /// <summary>Probabilities by id, in candidate order.</summary>
    private static IReadOnlyDictionary<string, double> ById(IReadOnlyList<SelectionCandidate> candidates, double[] probabilities)
    {
        var result = new Dictionary<string, double>(candidates.Count, StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            result[candidates[i].Id] = probabilities[i];
        }

        return result;
    }

    /// <summary><paramref name="count"/> independent draws (with replacement) from <paramref name="probabilities"/>.</summary>
    public static IReadOnlyList<SelectionCandidate> Draw(
        IReadOnlyList<SelectionCandidate> candidates, IReadOnlyDictionary<string, double> probabilities, int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        if (candidates.Count == 0)
        {
            return [];
        }

        var cumulative = new double[candidates.Count];
        var sum = 0.0;
        for (var i = 0; i < candidates.Count; i++)
        {
            sum += probabilities[candidates[i].Id];
            cumulative[i] = sum;
        }

        // Rounding can leave a draw at the very top; the last candidate with any weight takes it.
        var last = Array.FindIndex(cumulative, c => c >= sum);
        var picks = new List<SelectionCandidate>(count);
        for (var n = 0; n < count; n++)
        {
            var u = random.NextDouble() * sum;
            var index = Array.FindIndex(cumulative, c => u < c);
            picks.Add(candidates[index >= 0 ? index : last]);
        }

        return picks;
    }
}
