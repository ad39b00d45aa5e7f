namespace Evolver.Core;

/// <summary>Which score a child is compared with, by incremental evaluation and by <c>keep_better</c> admission.</summary>
public enum ScoreReference
{
    /// <summary>The child's parent (for crossover, the better of its two parents).</summary>
    Parent,

    /// <summary>The best admitted variant in the archive.</summary>
    Best,

    /// <summary>The seed the run started from (DGM's <c>keep_better</c> compares with the initial agent).</summary>
    Seed,
}
