namespace Evolver.Core;

/// <summary>
/// HGM-style incremental evaluation: run tasks in small batches and stop as soon as the child cannot plausibly beat
/// the reference score. After each batch, with k of n tasks resolved, the Wilson score interval's upper bound
/// U = (p̂ + z²/2n + z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), p̂ = k/n, is compared with the reference; the child stops
/// when U &lt; reference. With z = 1.645 (one-sided 95%) and 0 of 5 resolved, U ≈ 0.351.
/// </summary>
public sealed class IncrementalEvaluationOptions
{
    /// <summary>Tasks per batch; the stop rule is checked after each. Default 5.</summary>
    public int BatchSize { get; init; } = 5;

    /// <summary>The most tasks a child runs; null runs every task of the suite. Default 60 (DGM's 10 + 50).</summary>
    public int? MaxTasks { get; init; } = 60;

    /// <summary>The normal quantile z of the upper bound; larger stops later. Default 1.645 (one-sided 95%).</summary>
    public double Z { get; init; } = 1.645;

    /// <summary>Which score the loop passes as the reference to beat. Default <see cref="ScoreReference.Parent"/>.</summary>
    public ScoreReference CompareAgainst { get; init; } = ScoreReference.Parent;

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of range.</summary>
    public void Validate()
    {
        if (BatchSize < 1)
        {
            throw new ArgumentException("BatchSize must be at least 1.", nameof(BatchSize));
        }

        if (MaxTasks is < 1)
        {
            throw new ArgumentException("MaxTasks must be at least 1 when set.", nameof(MaxTasks));
        }

        if (!double.IsFinite(Z) || Z < 0)
        {
            throw new ArgumentException("Z must be 0 or more.", nameof(Z));
        }

        if (!Enum.IsDefined(CompareAgainst))
        {
            throw new ArgumentException("CompareAgainst is not a known reference.", nameof(CompareAgainst));
        }
    }
}
