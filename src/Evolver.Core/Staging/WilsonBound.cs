namespace Evolver.Core;

/// <summary>The Wilson score interval of a binomial proportion.</summary>
internal static class WilsonBound
{
    /// <summary>The upper bound for <paramref name="successes"/> of <paramref name="trials"/> at normal quantile <paramref name="z"/>; 1 with no trials.</summary>
    public static double Upper(int successes, int trials, double z)
    {
        if (trials == 0)
        {
            return 1;
        }

        var p = (double)successes / trials;
        var z2 = z * z;
        var centre = p + (z2 / (2.0 * trials));
        var spread = z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials)));
        return (centre + spread) / (1 + (z2 / trials));
    }
}
