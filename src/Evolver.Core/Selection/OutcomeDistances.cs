namespace Evolver.Core;

/// <summary>Distances between two variants' task outcomes, 0 (alike) to 1; see <see cref="NoveltyDistance"/>.</summary>
internal static class OutcomeDistances
{
    public static double Between(OutcomeVector x, OutcomeVector y, NoveltyDistance kind)
    {
        // Vectors read together from the archive share one task list; others are matched by task id.
        var positions = ReferenceEquals(x.TaskIds, y.TaskIds) || x.TaskIds.SequenceEqual(y.TaskIds, StringComparer.Ordinal)
            ? Enumerable.Range(0, Math.Max(x.Codes.Length, y.Codes.Length)).Select(i => (i, i))
            : MatchById(x, y);
        int both = 0, either = 0, common = 0, differ = 0;
        foreach (var (i, j) in positions)
        {
            var rx = x.IsResolved(i);
            var ry = y.IsResolved(j);
            both += rx && ry ? 1 : 0;
            either += rx || ry ? 1 : 0;
            if (x[i] is not null && y[j] is not null)
            {
                common++;
                differ += rx != ry ? 1 : 0;
            }
        }

        return kind switch
        {
            NoveltyDistance.Jaccard => either == 0 ? 0 : 1 - ((double)both / either),
            NoveltyDistance.Hamming => common == 0 ? 1 : (double)differ / common,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static IEnumerable<(int, int)> MatchById(OutcomeVector x, OutcomeVector y)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < y.TaskIds.Count; j++)
        {
            index.TryAdd(y.TaskIds[j], j);
        }

        for (var i = 0; i < x.TaskIds.Count; i++)
        {
            if (index.TryGetValue(x.TaskIds[i], out var j))
            {
                yield return (i, j);
            }
        }
    }
}
