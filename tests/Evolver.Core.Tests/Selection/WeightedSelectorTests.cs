using Xunit;

namespace Evolver.Core.Tests.Selection;

public sealed class WeightedSelectorTests
{
    private const int Precision = 6;

    [Fact]
    public void Dgm_ScoreAndChildren_MatchHandComputedProbabilities()
    {
        var pool = Candidates.Pool(("a", 0.5, 0), ("b", 0.7, 1), ("c", 0.3, 0));

        var p = ParentSelectors.Create("dgm").Probabilities(pool);

        // σ(10·(s−0.5)) / (1+children): a = σ(0)/1 = 0.5, b = σ(2)/2 = 0.880797/2 = 0.440399, c = σ(−2)/1 = 0.119203.
        const double sum = 0.5 + 0.440399 + 0.119203;
        Assert.Equal(0.5 / sum, p["a"], 5);
        Assert.Equal(0.440399 / sum, p["b"], 5);
        Assert.Equal(0.119203 / sum, p["c"], 5);
    }

    [Fact]
    public void HyperAgents_TopThreeMeanAndCubicChildPenalty_MatchHandComputedProbabilities()
    {
        var pool = Candidates.Pool(("a", 0.9, 0), ("b", 0.6, 8), ("c", 0.3, 0), ("d", 0.0, 0));

        var p = ParentSelectors.Create("hyperagents").Probabilities(pool);

        // Midpoint = mean(0.9, 0.6, 0.3) = 0.6. a = σ(3) = 0.952574; b = σ(0)·exp(−(8/8)³) = 0.5·0.367879 = 0.183940;
        // c = σ(−3) = 0.047426; d = σ(−6) = 0.002473.
        const double sum = 0.952574 + 0.183940 + 0.047426 + 0.002473;
        Assert.Equal(0.952574 / sum, p["a"], 5);
        Assert.Equal(0.183940 / sum, p["b"], 5);
        Assert.Equal(0.047426 / sum, p["c"], 5);
        Assert.Equal(0.002473 / sum, p["d"], 5);
    }

    [Fact]
    public void HyperAgents_PoolOfTwo_CentresOnTheirMean()
    {
        var pool = Candidates.Pool(("a", 0.8, 0), ("b", 0.4, 0));

        var p = ParentSelectors.Create("hyperagents").Probabilities(pool);

        // Midpoint = 0.6: a = σ(2) = 0.880797, b = σ(−2) = 0.119203, which already sum to 1.
        Assert.Equal(0.880797, p["a"], 5);
        Assert.Equal(0.119203, p["b"], 5);
    }

    [Fact]
    public void Shinka_MedianAndMadScaling_MatchHandComputedProbabilities()
    {
        var pool = Candidates.Pool(("a", 0.2, 0), ("b", 0.4, 1), ("c", 0.5, 0), ("d", 0.9, 3));

        var p = ParentSelectors.Create("shinka").Probabilities(pool);

        // Median = (0.4+0.5)/2 = 0.45; |s−0.45| = 0.25, 0.05, 0.05, 0.45, whose median is (0.05+0.25)/2 = 0.15.
        // a = σ(10·(−0.25/0.15)) = σ(−16.667) = 5.78e-8; b = σ(−3.333)/2 = 0.034445/2 = 0.017223;
        // c = σ(3.333) = 0.965555; d = σ(30)/4 = 0.25.
        const double sum = 5.78e-8 + 0.017223 + 0.965555 + 0.25;
        Assert.Equal(5.78e-8 / sum, p["a"], 8);
        Assert.Equal(0.017223 / sum, p["b"], 5);
        Assert.Equal(0.965555 / sum, p["c"], 5);
        Assert.Equal(0.25 / sum, p["d"], 5);
    }

    [Fact]
    public void Shinka_EqualScores_UsesTheScaleFloorAndPenalisesChildrenOnly()
    {
        var pool = Candidates.Pool(("a", 0.5, 0), ("b", 0.5, 1));

        var p = ParentSelectors.Create("shinka").Probabilities(pool);

        // MAD = 0 is floored at 1e-6, both sigmoids are σ(0) = 0.5: weights 0.5 and 0.25.
        Assert.Equal(2.0 / 3, p["a"], Precision);
        Assert.Equal(1.0 / 3, p["b"], Precision);
    }

    [Theory]
    [InlineData(1.0, 6.0 / 11, 3.0 / 11, 2.0 / 11)]
    [InlineData(2.0, 36.0 / 49, 9.0 / 49, 4.0 / 49)]
    [InlineData(0.0, 1.0 / 3, 1.0 / 3, 1.0 / 3)]
    public void PowerLaw_RankWeights_MatchHandComputedProbabilities(double alpha, double first, double second, double third)
    {
        // Ranks: b (0.9) 1, c (0.6) 2, a (0.3) 3; weights 1, 2^−α, 3^−α.
        var pool = Candidates.Pool(("a", 0.3, 0), ("b", 0.9, 0), ("c", 0.6, 0));

        var p = ParentSelectors.Create("power_law", new ParentSelectorOptions { PowerLawAlpha = alpha }).Probabilities(pool);

        Assert.Equal(first, p["b"], Precision);
        Assert.Equal(second, p["c"], Precision);
        Assert.Equal(third, p["a"], Precision);
    }

    [Fact]
    public void Uniform_AnyPool_GivesEqualChances()
    {
        var pool = Candidates.Pool(("a", 0.1, 4), ("b", 0.9, 0), ("c", 0.5, 1), ("d", 0.0, 0));

        var p = ParentSelectors.Create("uniform").Probabilities(pool);

        Assert.All(p.Values, v => Assert.Equal(0.25, v, Precision));
    }

    [Fact]
    public void Best_MoreDrawsThanCandidates_TakesTopInRankOrderThenWraps()
    {
        var pool = Candidates.Pool(("a", 0.5, 0), ("b", 0.9, 2), ("c", 0.9, 1), ("d", 0.1, 0));
        var selector = ParentSelectors.Create("best");

        var picks = selector.Select(pool, 6, new Random(1));

        // Ties on score go to fewer children: c before b.
        Assert.Equal(["c", "b", "a", "d", "c", "b"], picks.Select(c => c.Id));
        Assert.Equal("c", Assert.Single(selector.Select(pool, 1, new Random(2))).Id);
        Assert.Equal(1.0, selector.Probabilities(pool)["c"]);
        Assert.Equal(0.0, selector.Probabilities(pool)["b"]);
    }

    [Fact]
    public void Dgm_ManyDraws_FrequenciesFollowProbabilities()
    {
        var pool = Candidates.Pool(("a", 0.5, 0), ("b", 0.7, 1), ("c", 0.3, 0));
        var selector = ParentSelectors.Create("dgm");
        var p = selector.Probabilities(pool);

        var frequencies = Candidates.Frequencies(selector.Select(pool, 20_000, new Random(7)));

        // Binomial standard error at n = 20000 is at most 0.0036; 0.015 is over four of them.
        foreach (var id in new[] { "a", "b", "c" })
        {
            Assert.InRange(frequencies[id], p[id] - 0.015, p[id] + 0.015);
        }
    }

    [Fact]
    public void Dgm_AllWeightsUnderflow_FallsBackToUniform()
    {
        var pool = Candidates.Pool(("a", -1e6, 0), ("b", -1e6, 0));

        var p = ParentSelectors.Create("dgm").Probabilities(pool);

        Assert.Equal(0.5, p["a"], Precision);
        Assert.Equal(0.5, p["b"], Precision);
    }
}
