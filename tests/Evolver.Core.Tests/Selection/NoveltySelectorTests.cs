using Xunit;

namespace Evolver.Core.Tests.Selection;

public sealed class NoveltySelectorTests
{
    // Resolved sets: a {t1,t2}, b {t1}, c {t3,t4}.
    private static readonly IReadOnlyList<SelectionCandidate> Pool =
    [
        Candidates.Make("a", 0.5, outcomes: "RRUU"),
        Candidates.Make("b", 0.25, outcomes: "RUUU"),
        Candidates.Make("c", 0.5, outcomes: "UURR"),
    ];

    [Fact]
    public void Jaccard_OneNeighbour_MatchesHandComputedProbabilities()
    {
        // d(a,b) = 1 − 1/2 = 0.5; d(a,c) = 1 − 0/4 = 1; d(b,c) = 1 − 0/3 = 1.
        // Nearest-neighbour novelty: a 0.5, b 0.5, c 1. With β = 0.5: w = 0.5·score + 0.5·novelty:
        // a = 0.25 + 0.25 = 0.5, b = 0.125 + 0.25 = 0.375, c = 0.25 + 0.5 = 0.75; sum 1.625.
        var options = new ParentSelectorOptions { NoveltyNeighbors = 1, NoveltyWeight = 0.5 };

        var p = ParentSelectors.Create("novelty", options).Probabilities(Pool);

        Assert.Equal(0.5 / 1.625, p["a"], 9);
        Assert.Equal(0.375 / 1.625, p["b"], 9);
        Assert.Equal(0.75 / 1.625, p["c"], 9);
    }

    [Fact]
    public void Jaccard_MoreNeighboursThanOthers_AveragesOverAllOthers()
    {
        // k = min(3, 2) = 2: novelty a = (0.5+1)/2 = 0.75, b = 0.75, c = 1.
        Assert.Equal([0.75, 0.75, 1.0], NoveltySelector.Novelty(Pool, new ParentSelectorOptions()));
    }

    [Fact]
    public void Hamming_ComparesOnlyTasksBothRan()
    {
        IReadOnlyList<SelectionCandidate> pool =
        [
            Candidates.Make("a", 0.5, outcomes: "RRU-"),
            Candidates.Make("b", 0.5, outcomes: "RU--"),
            Candidates.Make("c", 0.5, outcomes: "-URR"),
        ];
        var options = new ParentSelectorOptions { NoveltyDistance = NoveltyDistance.Hamming, NoveltyNeighbors = 1 };

        // Common tasks: a,b t1–t2, differ on t2 → 1/2; a,c t2–t3, differ on both → 1; b,c t2 only, alike → 0.
        // Nearest: a 0.5, b 0, c 0.
        Assert.Equal([0.5, 0.0, 0.0], NoveltySelector.Novelty(pool, options));
    }

    [Fact]
    public void WeightZero_IsPureFitness()
    {
        var p = ParentSelectors.Create("novelty", new ParentSelectorOptions { NoveltyWeight = 0 }).Probabilities(Pool);

        Assert.Equal(0.4, p["a"], 9);
        Assert.Equal(0.2, p["b"], 9);
        Assert.Equal(0.4, p["c"], 9);
    }
}
