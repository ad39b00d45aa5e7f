namespace Evolver.Core;

/// <summary><c>uniform</c>: every admitted variant is equally likely (DGM's <c>random</c>).</summary>
internal static class UniformSelector
{
    public static IParentSelector Create() => new WeightedSelector("uniform", pool => [.. pool.Select(_ => 1.0)]);
}
