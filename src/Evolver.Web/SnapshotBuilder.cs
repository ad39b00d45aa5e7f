using Evolver.Archive;
using Evolver.Core;

namespace Evolver.Web;

/// <summary>Turns index rows into the nodes the page draws: orphans marked, iterations attached, the best path, the plots.</summary>
internal static class SnapshotBuilder
{
    public static ArchiveSnapshot Build(
        IReadOnlyList<VariantSummary> rows, IReadOnlyDictionary<string, long>? iterations, string archive, string version, RunInfo? run)
    {
        var ids = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var fallback = iterations is null ? CreationOrder(rows) : null;
        var nodes = rows.Select(r => Node(r, ids, iterations, fallback)).ToList();
        var best = nodes.Where(n => n.Status == VariantStatus.Evaluated)
            .OrderByDescending(n => n.Score).ThenBy(n => n.Iteration ?? long.MaxValue).ThenBy(n => n.CreatedAt).FirstOrDefault();
        var path = best is null ? [] : BestPath(best, nodes.ToDictionary(n => n.Id, StringComparer.Ordinal));
        var onPath = path.ToHashSet(StringComparer.Ordinal);
        nodes = nodes.Select(n => onPath.Contains(n.Id) ? n with { BestPath = true } : n).ToList();
        var summary = new ArchiveSummary
        {
            Archive = archive,
            Version = version,
            Variants = nodes.Count,
            Failed = nodes.Count(n => n.Failed),
            Orphans = nodes.Count(n => n.Orphan),
            BestId = best?.Id,
            BestPath = path,
            Run = run,
            Mutators = nodes.Select(n => n.Mutator).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Statuses = nodes.Select(n => n.Status).Distinct().Order().Select(WebJson.Name).ToList(),
            MaxGeneration = nodes.Count == 0 ? 0 : nodes.Max(n => n.Generation),
            Progress = Progress(nodes),
            Points = nodes.Where(n => n.Status == VariantStatus.Evaluated || n.Failed)
                .Select(n => new ScorePoint(n.Id, n.Iteration, n.Score, n.CostUsd, n.Tokens, n.Failed)).ToList(),
        };
        return new ArchiveSnapshot(version, nodes, summary);
    }

    private static VariantNode Node(VariantSummary r, HashSet<string> ids, IReadOnlyDictionary<string, long>? iterations, IReadOnlyDictionary<string, long>? fallback)
    {
        var present = r.Parents.Where(ids.Contains).ToList();
        long? iteration = iterations is not null && iterations.TryGetValue(r.Id, out var i) ? i
            : r.Generation == 0 ? 0
            : fallback is not null && fallback.TryGetValue(r.Id, out var f) ? f
            : null;
        return new VariantNode
        {
            Id = r.Id,
            Parents = present,
            Generation = r.Generation,
            Score = r.Score,
            Status = r.Status,
            Admitted = r.Admitted,
            Failed = r.Status is VariantStatus.CompileFailed or VariantStatus.Rejected or VariantStatus.Crashed,
            Children = r.Children,
            CostUsd = r.CostUsd,
            Tokens = r.Tokens,
            Mutator = r.Mutator,
            Summary = r.Summary,
            CreatedAt = r.CreatedAt,
            Iteration = iteration,

            // A child none of whose parents is here: its parent was evicted or is a foreign commit. It becomes a root
            // marked as an orphan rather than hanging under a node that does not exist.
            Orphan = r.Generation > 0 && present.Count == 0,
            Issue = r.Issue,
        };
    }

    // Without a run state (variants made by 'evolver mutate' or by hand) the iteration is the creation order.
    private static Dictionary<string, long> CreationOrder(IReadOnlyList<VariantSummary> rows) =>
        rows.Where(r => r.Generation > 0).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select((r, i) => (r.Id, Iteration: (long)i + 1)).ToDictionary(p => p.Id, p => p.Iteration, StringComparer.Ordinal);

    private static List<string> BestPath(VariantNode best, Dictionary<string, VariantNode> byId)
    {
        var path = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var node = best; node is not null && seen.Add(node.Id); node = node.Parents.Count > 0 ? byId.GetValueOrDefault(node.Parents[0]) : null)
        {
            path.Add(node.Id);
        }

        path.Reverse();
        return path;
    }

    private static List<IterationPoint> Progress(List<VariantNode> nodes)
    {
        var scored = nodes.Where(n => n.Status == VariantStatus.Evaluated && n.Admitted && n.Iteration is not null)
            .GroupBy(n => n.Iteration!.Value).OrderBy(g => g.Key).ToList();
        var points = new List<IterationPoint>();
        double best = 0, sum = 0;
        var count = 0;
        foreach (var group in scored)
        {
            foreach (var n in group)
            {
                best = count == 0 ? n.Score : Math.Max(best, n.Score);
                sum += n.Score;
                count++;
            }

            points.Add(new IterationPoint(group.Key, best, sum / count, count));
        }

        return points;
    }
}
