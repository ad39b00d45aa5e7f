namespace Evolver.Core;

/// <summary>Makes parent selectors by their config names.</summary>
public static class ParentSelectors
{
    // An array, not a dictionary, so Names keeps this order.
    private static readonly (string Name, Func<ParentSelectorOptions, IParentSelector> Make)[] Factories =
    [
        ("dgm", DgmSelector.Create),
        ("hyperagents", HyperAgentsSelector.Create),
        ("shinka", ShinkaSelector.Create),
        ("power_law", PowerLawSelector.Create),
        ("best", _ => new BestSelector()),
        ("uniform", _ => UniformSelector.Create()),
        ("hgm", o => new CladeThompsonSelector(o)),
        ("novelty", NoveltySelector.Create),
        ("map_elites", MapElitesSelector.Create),
    ];

    /// <summary>The valid names, in the order the README lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Select(f => f.Name)];

    /// <summary>
    /// The selector called <paramref name="name"/>. Throws <see cref="ArgumentException"/> naming the bad name and the
    /// valid ones, or naming the bad setting of <paramref name="options"/>.
    /// </summary>
    /// <param name="name">A config name, e.g. <c>dgm</c>.</param>
    /// <param name="options">Selector settings; null for the defaults.</param>
    public static IParentSelector Create(string name, ParentSelectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var factory = Factories.FirstOrDefault(f => f.Name == name).Make;
        if (factory is null)
        {
            throw new ArgumentException($"Unknown parent selector '{name}'. Valid selectors: {string.Join(", ", Names)}.", nameof(name));
        }

        options ??= new ParentSelectorOptions();
        options.Validate();
        return factory(options);
    }
}
