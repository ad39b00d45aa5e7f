namespace Evolver.Core;

/// <summary>How the <c>novelty</c> selector measures the distance between two variants' task outcomes.</summary>
public enum NoveltyDistance
{
    /// <summary>
    /// 1 − |A∩B| / |A∪B| over the two sets of resolved tasks; 0 when both resolved nothing.
    /// </summary>
    Jaccard,

    /// <summary>
    /// The share of tasks, among those both variants ran, where one resolved it and the other did not;
    /// 1 when they ran no task in common (nothing says they behave alike).
    /// </summary>
    Hamming,
}
