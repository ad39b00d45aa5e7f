namespace Evolver.Core;

/// <summary>
/// <c>map_elites</c>: MAP-Elites parent selection over two descriptors (by default the Roslyn syntax-tree size, which
/// the caller supplies as <see cref="SelectionCandidate.SyntaxSize"/>, and the score). Each descriptor's range is cut
/// into <see cref="ParentSelectorOptions.MapElitesBins"/> equal cells; each cell keeps its best
/// <see cref="ParentSelectorOptions.MapElitesElitesPerCell"/> variants (by score, then fewer children, then pool order).
/// A draw picks an occupied cell uniformly, then one of its elites uniformly; variants that are no cell's elite get 0.
/// </summary>
internal static class MapElitesSelector
{
    public static IParentSelector Create(ParentSelectorOptions options) => new WeightedSelector("map_elites", pool => Weights(pool, options));

    private static double[] Weights(IReadOnlyList<SelectionCandidate> pool, ParentSelectorOptions options)
    {
        var weights = new double[pool.Count];
        var cells = Cells(pool, options);
        foreach (var elites in cells.Values)
        {
            foreach (var i in elites)
            {
                weights[i] = 1.0 / cells.Count / elites.Count;
            }
        }

        return weights;
    }

    /// <summary>The elites (candidate indexes, best first) of each occupied cell, keyed by (x cell, y cell).</summary>
    internal static SortedDictionary<(int X, int Y), List<int>> Cells(IReadOnlyList<SelectionCandidate> candidates, ParentSelectorOptions options)
    {
        var xs = candidates.Select(c => Descriptor(c, options.MapElitesX)).ToArray();
        var ys = candidates.Select(c => Descriptor(c, options.MapElitesY)).ToArray();
        var xRange = options.MapElitesXRange ?? OwnRange(xs);
        var yRange = options.MapElitesYRange ?? OwnRange(ys);
        var cells = new SortedDictionary<(int, int), List<int>>();
        var ranked = Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => candidates[i].Score)
            .ThenBy(i => candidates[i].Children);
        foreach (var i in ranked)
        {
            var cell = (Bin(xs[i], xRange, options.MapElitesBins), Bin(ys[i], yRange, options.MapElitesBins));
            if (!cells.TryGetValue(cell, out var elites))
            {
                cells[cell] = elites = [];
            }

            if (elites.Count < options.MapElitesElitesPerCell)
            {
                elites.Add(i);
            }
        }

        return cells;
    }

    private static int Bin(double value, (double Min, double Max) range, int bins)
    {
        if (!(range.Max > range.Min))
        {
            return 0;
        }

        var cell = (int)Math.Floor((value - range.Min) / (range.Max - range.Min) * bins);
        return Math.Clamp(cell, 0, bins - 1);
    }

    private static (double, double) OwnRange(double[] values) => values.Length == 0 ? (0, 0) : (values.Min(), values.Max());

    private static double Descriptor(SelectionCandidate candidate, string name)
    {
        var value = name switch
        {
            "score" => candidate.Score,
            "generation" => candidate.Variant.Generation,
            "children" => candidate.Children,
            "resolved" => candidate.Variant.Outcomes.ResolvedCount,
            _ => candidate.Descriptors.TryGetValue(name, out var v)
                ? v
                : throw new ArgumentException($"Candidate '{candidate.Id}' has no descriptor '{name}' for map_elites.", nameof(candidate)),
        };
        return double.IsFinite(value)
            ? value
            : throw new ArgumentException($"Candidate '{candidate.Id}' has a non-finite '{name}'.", nameof(candidate));
    }
}
