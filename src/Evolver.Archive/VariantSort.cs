namespace Evolver.Archive;

/// <summary>The order of <see cref="AgentArchive.ListVariants"/>.</summary>
public enum VariantSort
{
    /// <summary>By id: generated ids by number (<c>v2</c> before <c>v10</c>), then chosen ids by name.</summary>
    Id,

    /// <summary>By score.</summary>
    Score,

    /// <summary>By generation.</summary>
    Generation,

    /// <summary>By number of children.</summary>
    Children,

    /// <summary>By cost.</summary>
    Cost,

    /// <summary>By creation time.</summary>
    Created,
}
