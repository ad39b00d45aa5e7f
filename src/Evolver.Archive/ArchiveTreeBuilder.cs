namespace Evolver.Archive;

/// <summary>Builds the first-parent forest from index rows without recursion: lineages can be thousands deep.</summary>
internal static class ArchiveTreeBuilder
{
    public static IReadOnlyList<ArchiveTreeNode> Build(IReadOnlyList<VariantSummary> variants)
    {
        var ids = new HashSet<string>(variants.Select(v => v.Id), StringComparer.Ordinal);
        var children = new Dictionary<string, List<VariantSummary>>(StringComparer.Ordinal);
        var roots = new List<VariantSummary>();
        foreach (var variant in variants)
        {
            if (variant.Parents.Count > 0 && ids.Contains(variant.Parents[0]))
            {
                if (!children.TryGetValue(variant.Parents[0], out var list))
                {
                    children[variant.Parents[0]] = list = [];
                }

                list.Add(variant);
            }
            else
            {
                roots.Add(variant);
            }
        }

        // Pre-order first; walking it backwards meets every child before its parent.
        var preorder = new List<VariantSummary>(variants.Count);
        var stack = new Stack<VariantSummary>(Enumerable.Reverse(roots));
        while (stack.Count > 0)
        {
            var variant = stack.Pop();
            preorder.Add(variant);
            if (children.TryGetValue(variant.Id, out var list))
            {
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    stack.Push(list[i]);
                }
            }
        }

        var nodes = new Dictionary<string, ArchiveTreeNode>(StringComparer.Ordinal);
        for (var i = preorder.Count - 1; i >= 0; i--)
        {
            var variant = preorder[i];
            var kids = children.TryGetValue(variant.Id, out var list) ? list.Select(c => nodes[c.Id]).ToList() : [];
            nodes[variant.Id] = new ArchiveTreeNode(variant, kids);
        }

        return roots.Select(r => nodes[r.Id]).ToList();
    }
}
