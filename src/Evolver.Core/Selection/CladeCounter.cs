namespace Evolver.Core;

/// <summary>Sums task outcomes over each variant's subtree (the variant and all its descendants).</summary>
internal static class CladeCounter
{
    /// <summary>A variant's own resolved and failed tasks; harness errors and tasks not run count as neither.</summary>
    public static (int Successes, int Failures) Own(OutcomeVector outcomes)
    {
        var successes = 0;
        var failures = 0;
        foreach (var code in outcomes.Codes)
        {
            switch (OutcomeVector.Decode(code))
            {
                case TaskOutcome.Resolved:
                    successes++;
                    break;
                case null or TaskOutcome.HarnessError:
                    break;
                default:
                    failures++;
                    break;
            }
        }

        return (successes, failures);
    }

    /// <summary>The subtree totals of every node in <paramref name="lineage"/>, by id.</summary>
    public static Dictionary<string, (int Successes, int Failures)> Count(IReadOnlyList<CladeNode> lineage)
    {
        var nodes = new Dictionary<string, CladeNode>(StringComparer.Ordinal);
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in lineage)
        {
            if (!nodes.TryAdd(node.Id, node))
            {
                throw new ArgumentException($"Variant '{node.Id}' appears twice in the lineage.", nameof(lineage));
            }
        }

        foreach (var node in lineage)
        {
            foreach (var parent in node.Parents.Distinct(StringComparer.Ordinal))
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(node.Id);
            }
        }

        var totals = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        foreach (var root in nodes.Keys)
        {
            // A walk per node rather than a post-order sum: with crossover the lineage is a DAG, and a shared
            // descendant must count once per ancestor, not once per path.
            seen.Clear();
            stack.Push(root);
            var (successes, failures) = (0, 0);
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                if (!seen.Add(id))
                {
                    continue;
                }

                successes += nodes[id].Successes;
                failures += nodes[id].Failures;
                foreach (var child in children.GetValueOrDefault(id) ?? [])
                {
                    stack.Push(child);
                }
            }

            totals[root] = (successes, failures);
        }

        return totals;
    }
}
