namespace Evolver.Core;

/// <summary>Settings of the parent selectors; each selector reads only its own. Validated once by <see cref="ParentSelectors.Create"/>.</summary>
public sealed class ParentSelectorOptions
{
    /// <summary>The sigmoid's sharpness for <c>dgm</c> and <c>hyperagents</c> (both papers use 10). Default 10.</summary>
    public double Sharpness { get; init; } = 10;

    /// <summary>The score at the sigmoid's midpoint for <c>dgm</c>. Default 0.5, as DGM.</summary>
    public double DgmMidpoint { get; init; } = 0.5;

    /// <summary>The sigmoid's sharpness λ for <c>shinka</c>, applied to MAD-scaled scores. Default 10, as ShinkaEvolve.</summary>
    public double ShinkaLambda { get; init; } = 10;

    /// <summary>The exponent α of <c>power_law</c>: p ∝ rank^−α; 0 is uniform. Default 1, as ShinkaEvolve.</summary>
    public double PowerLawAlpha { get; init; } = 1;

    /// <summary>
    /// The temperature τ of <c>hgm</c>: each candidate draws from Beta(τ·(1+successes), τ·(1+failures)); larger is greedier.
    /// Default 1.
    /// </summary>
    public double HgmTemperature { get; init; } = 1;

    /// <summary>How many nearest neighbours <c>novelty</c> averages the distance over. Default 3.</summary>
    public int NoveltyNeighbors { get; init; } = 3;

    /// <summary>The weight of novelty against fitness in <c>novelty</c>: w = (1−β)·score + β·novelty. Default 0.5.</summary>
    public double NoveltyWeight { get; init; } = 0.5;

    /// <summary>The distance between task-outcome vectors in <c>novelty</c>. Default <see cref="NoveltyDistance.Jaccard"/>.</summary>
    public NoveltyDistance NoveltyDistance { get; init; } = NoveltyDistance.Jaccard;

    /// <summary>
    /// The first MAP-Elites descriptor: <c>score</c>, <c>generation</c>, <c>children</c>, <c>resolved</c>, or a name in
    /// <see cref="SelectionCandidate.Descriptors"/>. Default <see cref="SelectionCandidate.SyntaxSize"/>.
    /// </summary>
    public string MapElitesX { get; init; } = SelectionCandidate.SyntaxSize;

    /// <summary>The second MAP-Elites descriptor, named as <see cref="MapElitesX"/>. Default <c>score</c>.</summary>
    public string MapElitesY { get; init; } = "score";

    /// <summary>Grid cells along each descriptor. Default 10.</summary>
    public int MapElitesBins { get; init; } = 10;

    /// <summary>
    /// The range binned along <see cref="MapElitesX"/> as (min, max); null bins between the candidates' own lowest and
    /// highest values. Values outside the range go to the edge cells. Default null.
    /// </summary>
    public (double Min, double Max)? MapElitesXRange { get; init; }

    /// <summary>The range binned along <see cref="MapElitesY"/>; default null (the candidates' own range).</summary>
    public (double Min, double Max)? MapElitesYRange { get; init; }

    /// <summary>How many of the best variants each cell keeps as its elites. Default 1.</summary>
    public int MapElitesElitesPerCell { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of range.</summary>
    public void Validate()
    {
        Require(double.IsFinite(Sharpness) && Sharpness > 0, nameof(Sharpness), "must be positive");
        Require(double.IsFinite(DgmMidpoint), nameof(DgmMidpoint), "must be a number");
        Require(double.IsFinite(ShinkaLambda) && ShinkaLambda > 0, nameof(ShinkaLambda), "must be positive");
        Require(double.IsFinite(PowerLawAlpha) && PowerLawAlpha >= 0, nameof(PowerLawAlpha), "must be 0 or more");
        Require(double.IsFinite(HgmTemperature) && HgmTemperature > 0, nameof(HgmTemperature), "must be positive");
        Require(NoveltyNeighbors >= 1, nameof(NoveltyNeighbors), "must be at least 1");
        Require(NoveltyWeight is >= 0 and <= 1, nameof(NoveltyWeight), "must be between 0 and 1");
        Require(Enum.IsDefined(NoveltyDistance), nameof(NoveltyDistance), "is not a known distance");
        Require(!string.IsNullOrWhiteSpace(MapElitesX), nameof(MapElitesX), "must name a descriptor");
        Require(!string.IsNullOrWhiteSpace(MapElitesY), nameof(MapElitesY), "must name a descriptor");
        Require(MapElitesX != MapElitesY, nameof(MapElitesY), "must differ from MapElitesX");
        Require(MapElitesBins >= 1, nameof(MapElitesBins), "must be at least 1");
        Require(MapElitesElitesPerCell >= 1, nameof(MapElitesElitesPerCell), "must be at least 1");
        Require(ValidRange(MapElitesXRange), nameof(MapElitesXRange), "must have finite min < max");
        Require(ValidRange(MapElitesYRange), nameof(MapElitesYRange), "must have finite min < max");
    }

    private static bool ValidRange((double Min, double Max)? range) =>
        range is not { } r || (double.IsFinite(r.Min) && double.IsFinite(r.Max) && r.Min < r.Max);

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {message}.", name);
        }
    }
}
