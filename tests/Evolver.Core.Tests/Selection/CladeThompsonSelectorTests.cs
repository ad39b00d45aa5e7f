using Xunit;

namespace Evolver.Core.Tests.Selection;

public sealed class CladeThompsonSelectorTests
{
    private static SelectionCandidate Clade(string id, int successes, int failures, double score = 0.5) =>
        Candidates.Make(id, score) with { CladeSuccesses = successes, CladeFailures = failures };

    [Fact]
    public void Probabilities_TwoCandidates_MatchClosedForm()
    {
        // Beta(2,1) has pdf 2x; Beta(1,1) has CDF x. P(first is larger) = ∫₀¹ 2x·x dx = 2/3.
        IReadOnlyList<SelectionCandidate> pool = [Clade("a", 1, 0), Clade("b", 0, 0)];

        var p = ParentSelectors.Create("hgm").Probabilities(pool);

        Assert.Equal(2.0 / 3, p["a"], 4);
        Assert.Equal(1.0 / 3, p["b"], 4);
    }

    [Fact]
    public void Probabilities_ThreeCandidates_MatchHandIntegrals()
    {
        // a ~ Beta(2,1): pdf 2x, CDF x². b ~ Beta(1,2): pdf 2(1−x), CDF 2x − x². c ~ Beta(1,1): pdf 1, CDF x.
        // P(a) = ∫ 2x · (2x − x²) · x dx = ∫ 4x³ − 2x⁴ = 1 − 2/5 = 3/5.
        // P(b) = ∫ 2(1−x) · x² · x dx = 2(1/4 − 1/5) = 1/10.
        // P(c) = ∫ 1 · x² · (2x − x²) dx = 2/4 − 1/5 = 3/10.
        IReadOnlyList<SelectionCandidate> pool = [Clade("a", 1, 0), Clade("b", 0, 1), Clade("c", 0, 0)];

        var p = ParentSelectors.Create("hgm").Probabilities(pool);

        Assert.Equal(0.6, p["a"], 4);
        Assert.Equal(0.1, p["b"], 4);
        Assert.Equal(0.3, p["c"], 4);
    }

    [Fact]
    public void Select_ManySeededDraws_FollowTheIntegrals()
    {
        IReadOnlyList<SelectionCandidate> pool = [Clade("a", 1, 0), Clade("b", 0, 1), Clade("c", 0, 0)];

        var frequencies = Candidates.Frequencies(ParentSelectors.Create("hgm").Select(pool, 20_000, new Random(11)));

        // Standard error at n = 20000 is at most 0.0035.
        Assert.InRange(frequencies["a"], 0.585, 0.615);
        Assert.InRange(frequencies["b"], 0.088, 0.112);
        Assert.InRange(frequencies["c"], 0.285, 0.315);
    }

    [Fact]
    public void Select_NarrowPosteriors_PrefersTheProductiveCladeOverTheHighScore()
    {
        // x scores high itself but its subtree mostly fails; y scores low but its subtree resolves 60%.
        IReadOnlyList<SelectionCandidate> pool = [Clade("x", 30, 170, score: 0.9), Clade("y", 120, 80, score: 0.2)];
        var selector = ParentSelectors.Create("hgm");

        var picks = selector.Select(pool, 200, new Random(5));

        Assert.All(picks, c => Assert.Equal("y", c.Id));
        Assert.True(selector.Probabilities(pool)["y"] > 0.999);
    }

    [Fact]
    public void Temperature_Higher_SharpensThePreference()
    {
        IReadOnlyList<SelectionCandidate> pool = [Clade("a", 3, 2), Clade("b", 2, 3)];

        var cool = ParentSelectors.Create("hgm").Probabilities(pool)["a"];
        var hot = ParentSelectors.Create("hgm", new ParentSelectorOptions { HgmTemperature = 10 }).Probabilities(pool)["a"];

        Assert.InRange(cool, 0.5, 0.8);
        Assert.True(hot > cool + 0.1, $"τ=10 gives {hot}, τ=1 gives {cool}");
    }

    [Fact]
    public void Build_Lineage_SumsOutcomesOverEachSubtreeOnce()
    {
        // s → a → c, s → b, and d is a crossover of a and b.
        IReadOnlyList<CladeNode> lineage =
        [
            new("s", [], 2, 3),
            new("a", ["s"], 1, 1),
            new("b", ["s"], 0, 5),
            new("c", ["a"], 4, 0),
            new("d", ["a", "b"], 1, 1),
        ];
        IReadOnlyList<ParentCandidate> admitted =
        [
            new("s", 0.4, 2, 0, new OutcomeVector(Candidates.Tasks, "RRUU")),
            new("a", 0.5, 2, 1, new OutcomeVector(Candidates.Tasks, "RU")),
            new("b", 0.0, 1, 1, new OutcomeVector(Candidates.Tasks, "UUUU")),
            new("e", 0.5, 0, 0, new OutcomeVector(Candidates.Tasks, "RUH-")),
        ];

        var built = SelectionCandidate.Build(admitted, lineage).ToDictionary(c => c.Id);

        // s: 2+1+0+4+1 = 8 resolved, 3+1+5+0+1 = 10 failed (d once, though it descends from s twice).
        Assert.Equal((8, 10), (built["s"].CladeSuccesses, built["s"].CladeFailures));
        Assert.Equal((1 + 4 + 1, 1 + 0 + 1), (built["a"].CladeSuccesses, built["a"].CladeFailures));
        Assert.Equal((0 + 1, 5 + 1), (built["b"].CladeSuccesses, built["b"].CladeFailures));

        // e is not in the lineage: its own outcomes, the harness error and the task not run left out.
        Assert.Equal((1, 1), (built["e"].CladeSuccesses, built["e"].CladeFailures));
    }
}
