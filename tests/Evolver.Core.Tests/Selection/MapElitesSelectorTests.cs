using Xunit;

namespace Evolver.Core.Tests.Selection;

public sealed class MapElitesSelectorTests
{
    private static readonly IReadOnlyList<SelectionCandidate> Pool =
    [
        Sized("a", 0.2, 10),
        Sized("b", 0.3, 20),
        Sized("c", 0.9, 80),
        Sized("d", 0.1, 60),
        Sized("e", 0.7, 30),
    ];

    private static readonly ParentSelectorOptions TwoByTwo = new()
    {
        MapElitesBins = 2, MapElitesXRange = (0, 100), MapElitesYRange = (0, 1),
    };

    private static SelectionCandidate Sized(string id, double score, double size) =>
        Candidates.Make(id, score) with { Descriptors = new Dictionary<string, double> { [SelectionCandidate.SyntaxSize] = size } };

    [Fact]
    public void Probabilities_OneElitePerCell_UniformOverOccupiedCells()
    {
        // Cells (size < 50?, score < 0.5?): a and b share (0,0) and b is its elite; c (1,1), d (1,0), e (0,1).
        var p = ParentSelectors.Create("map_elites", TwoByTwo).Probabilities(Pool);

        Assert.Equal(0.0, p["a"]);
        Assert.All(new[] { "b", "c", "d", "e" }, id => Assert.Equal(0.25, p[id], 9));
    }

    [Fact]
    public void Probabilities_TwoElitesPerCell_SplitTheirCell()
    {
        var options = new ParentSelectorOptions
        {
            MapElitesBins = 2, MapElitesXRange = (0, 100), MapElitesYRange = (0, 1), MapElitesElitesPerCell = 2,
        };

        var p = ParentSelectors.Create("map_elites", options).Probabilities(Pool);

        // Four occupied cells at 1/4 each; (0,0) holds a and b at 1/8 each.
        Assert.Equal(0.125, p["a"], 9);
        Assert.Equal(0.125, p["b"], 9);
        Assert.Equal(0.25, p["c"], 9);
    }

    [Fact]
    public void Cells_OwnRange_SpansTheCandidates()
    {
        // Sizes 10..80 and scores 0.1..0.9 cut in two: x cut at 45, y cut at 0.5.
        var cells = MapElitesSelector.Cells(Pool, new ParentSelectorOptions { MapElitesBins = 2 });

        Assert.Equal([(0, 0), (0, 1), (1, 0), (1, 1)], cells.Keys);
        Assert.Equal(1, Assert.Single(cells[(0, 0)]));
        Assert.Equal(3, Assert.Single(cells[(1, 0)]));
    }

    [Fact]
    public void Probabilities_MissingDescriptor_NamesIt()
    {
        IReadOnlyList<SelectionCandidate> pool = [Candidates.Make("a", 0.5)];

        var error = Assert.Throws<ArgumentException>(() => ParentSelectors.Create("map_elites").Probabilities(pool));

        Assert.Contains("syntax_size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probabilities_BuiltInDescriptors_NeedNoCallerValues()
    {
        IReadOnlyList<SelectionCandidate> pool =
        [
            Candidates.Make("a", 0.5, generation: 0),
            Candidates.Make("b", 0.6, generation: 0),
            Candidates.Make("c", 0.1, generation: 3),
        ];
        var options = new ParentSelectorOptions { MapElitesX = "generation", MapElitesY = "children", MapElitesBins = 3 };

        var p = ParentSelectors.Create("map_elites", options).Probabilities(pool);

        // Two cells by generation; b is the elite of generation 0.
        Assert.Equal(0.0, p["a"]);
        Assert.Equal(0.5, p["b"], 9);
        Assert.Equal(0.5, p["c"], 9);
    }
}
