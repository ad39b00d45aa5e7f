namespace Evolver.Core;

/// <summary>Beta distributions for Thompson sampling: draws from a <see cref="Random"/>, and the chance each of several is the largest.</summary>
internal static class BetaDistribution
{
    // Midpoint-rule cells over [0, 1]; enough for posteriors as narrow as a few thousand observations.
    private const int Cells = 8192;

    /// <summary>One draw of Beta(a, b) as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b).</summary>
    public static double Sample(double a, double b, Random random)
    {
        var x = SampleGamma(a, random);
        var y = SampleGamma(b, random);
        return x / (x + y);
    }

    /// <summary>
    /// P(draw i is the largest) = ∫₀¹ fᵢ(x) Πⱼ≠ᵢ Fⱼ(x) dx for independent Beta(aᵢ, bᵢ), by the midpoint rule.
    /// Ties have probability zero.
    /// </summary>
    public static double[] ProbabilityOfMax(IReadOnlyList<(double A, double B)> parameters)
    {
        var n = parameters.Count;
        var result = new double[n];
        if (n == 1)
        {
            result[0] = 1;
            return result;
        }

        // Pass 1: Σⱼ log Fⱼ(x) on the grid, so each term of pass 2 divides one CDF out instead of multiplying n−1.
        var sumLogCdf = new double[Cells];
        var pdf = new double[Cells];
        var cdf = new double[Cells];
        foreach (var (a, b) in parameters)
        {
            Tabulate(a, b, pdf, cdf);
            for (var k = 0; k < Cells; k++)
            {
                sumLogCdf[k] += Math.Log(cdf[k]);
            }
        }

        for (var i = 0; i < n; i++)
        {
            Tabulate(parameters[i].A, parameters[i].B, pdf, cdf);
            var p = 0.0;
            for (var k = 0; k < Cells; k++)
            {
                if (pdf[k] > 0 && cdf[k] > 0)
                {
                    p += pdf[k] * Math.Exp(sumLogCdf[k] - Math.Log(cdf[k]));
                }
            }

            result[i] = p;
        }

        // The grid's error is tiny but not zero; the result is a distribution.
        var total = result.Sum();
        for (var i = 0; i < n; i++)
        {
            result[i] /= total;
        }

        return result;
    }

    /// <summary>The pdf mass of each cell (summing to 1) and the CDF at each cell's midpoint.</summary>
    private static void Tabulate(double a, double b, double[] mass, double[] cdf)
    {
        var logNorm = LogGamma(a + b) - LogGamma(a) - LogGamma(b);
        var total = 0.0;
        for (var k = 0; k < Cells; k++)
        {
            var x = (k + 0.5) / Cells;
            mass[k] = Math.Exp(logNorm + ((a - 1) * Math.Log(x)) + ((b - 1) * Math.Log(1 - x)));
            total += mass[k];
        }

        var below = 0.0;
        for (var k = 0; k < Cells; k++)
        {
            mass[k] /= total;
            cdf[k] = below + (mass[k] / 2);
            below += mass[k];
        }
    }

    /// <summary>Marsaglia and Tsang's method (2000); shapes below 1 are boosted by U^(1/shape).</summary>
    private static double SampleGamma(double shape, Random random)
    {
        if (shape < 1)
        {
            return SampleGamma(shape + 1, random) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = SampleNormal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>A standard normal draw by Box–Muller.</summary>
    private static double SampleNormal(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>ln Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, 9 terms), accurate to about 15 digits.</summary>
    internal static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var sum = g[0];
        for (var i = 1; i < g.Length; i++)
        {
            sum += g[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
