using Xunit;

namespace Evolver.Core.Tests.Selection;

public sealed class ParentSelectorsTests
{
    private static readonly IReadOnlyList<SelectionCandidate> Pool =
    [
        Candidates.Make("a", 0.2, 0, "RUUU") with { Descriptors = new Dictionary<string, double> { ["syntax_size"] = 100 } },
        Candidates.Make("b", 0.5, 1, "RRUU") with { Descriptors = new Dictionary<string, double> { ["syntax_size"] = 140 } },
        Candidates.Make("c", 0.5, 3, "UURR") with { Descriptors = new Dictionary<string, double> { ["syntax_size"] = 90 } },
        Candidates.Make("d", 0.8, 0, "RRRU") with { Descriptors = new Dictionary<string, double> { ["syntax_size"] = 300 } },
        Candidates.Make("e", 0.0, 0, "UUUU") with { Descriptors = new Dictionary<string, double> { ["syntax_size"] = 50 } },
    ];

    public static TheoryData<string> Names => [.. ParentSelectors.Names];

    [Fact]
    public void Names_ListsEveryConfigName()
    {
        Assert.Equal(["dgm", "hyperagents", "shinka", "power_law", "best", "uniform", "hgm", "novelty", "map_elites"], ParentSelectors.Names);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Create_KnownName_ReturnsSelectorOfThatName(string name)
    {
        Assert.Equal(name, ParentSelectors.Create(name).Name);
    }

    [Fact]
    public void Create_UnknownName_NamesItAndListsValidOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => ParentSelectors.Create("roulette"));

        Assert.Contains("'roulette'", error.Message, StringComparison.Ordinal);
        Assert.Contains("dgm, hyperagents, shinka, power_law, best, uniform, hgm, novelty, map_elites", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BadOption_NamesTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => ParentSelectors.Create("novelty", new ParentSelectorOptions { NoveltyWeight = 1.5 }));

        Assert.Equal("NoveltyWeight", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Select_SameSeed_SamePicks(string name)
    {
        var selector = ParentSelectors.Create(name);

        var first = selector.Select(Pool, 30, new Random(42)).Select(c => c.Id);
        var second = selector.Select(Pool, 30, new Random(42)).Select(c => c.Id);

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Probabilities_AnyPool_SumToOneOverEveryCandidate(string name)
    {
        var p = ParentSelectors.Create(name).Probabilities(Pool);

        Assert.Equal(Pool.Select(c => c.Id), p.Keys.Order());
        Assert.Equal(1.0, p.Values.Sum(), 9);
        Assert.All(p.Values, v => Assert.InRange(v, 0, 1));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Select_NeverPicksAZeroProbabilityCandidate(string name)
    {
        if (name == "best")
        {
            // Its draws are not independent: several picks take the top ranks in turn (see WeightedSelectorTests).
            return;
        }

        var selector = ParentSelectors.Create(name);
        var p = selector.Probabilities(Pool);

        var picks = selector.Select(Pool, 500, new Random(3));

        Assert.All(picks, c => Assert.True(p[c.Id] > 0, $"{c.Id} has probability 0 but was picked"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Select_EmptyPool_PicksNothing(string name)
    {
        var selector = ParentSelectors.Create(name);

        Assert.Empty(selector.Select([], 3, new Random(1)));
        Assert.Empty(selector.Probabilities([]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Select_DuplicateIds_Throws(string name)
    {
        IReadOnlyList<SelectionCandidate> pool = [Candidates.Make("a", 0.1), Candidates.Make("a", 0.2)];

        Assert.Throws<ArgumentException>(() => ParentSelectors.Create(name).Select(pool, 1, new Random(1)));
    }

    [Fact]
    public void Select_DifferentSeeds_DifferentPicks()
    {
        var selector = ParentSelectors.Create("uniform");

        var first = selector.Select(Pool, 30, new Random(1)).Select(c => c.Id);
        var second = selector.Select(Pool, 30, new Random(2)).Select(c => c.Id);

        Assert.NotEqual(first, second);
    }
}
