using Microsoft.CodeAnalysis;

namespace Evolver.Mutation;

/// <summary>One place an operator can change: <see cref="Old"/> in file <see cref="File"/> becomes <see cref="New"/>.</summary>
/// <param name="File">The source file, relative to the agent folder.</param>
/// <param name="Old">The node replaced (for statement operators, the enclosing block).</param>
/// <param name="New">Its replacement.</param>
/// <param name="Description">What changes, for the archive: operator, place and a short before/after.</param>
internal sealed record GpSite(string File, SyntaxNode Old, SyntaxNode New, string Description)
{
    /// <summary>The site's relative chance of being drawn; sites of equal weight are drawn uniformly.</summary>
    public double Weight { get; init; } = 1;

    /// <summary>One of <paramref name="sites"/> (not empty), drawn by weight; uniformly, as one <see cref="Random.Next(int)"/>, when all weigh the same.</summary>
    public static GpSite Draw(IReadOnlyList<GpSite> sites, Random random)
    {
        if (sites.All(s => s.Weight == sites[0].Weight))
        {
            return sites[random.Next(sites.Count)];
        }

        var r = random.NextDouble() * sites.Sum(s => s.Weight);
        foreach (var site in sites)
        {
            if (r < site.Weight)
            {
                return site;
            }

            r -= site.Weight;
        }

        return sites[^1];
    }

    /// <summary><c>file:line</c> of <paramref name="node"/>, 1-based.</summary>
    public static string Place(SyntaxNode node) => $"{node.SyntaxTree.FilePath}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";

    /// <summary><paramref name="node"/> as one short line of text.</summary>
    public static string Snippet(SyntaxNode node)
    {
        var text = string.Join(" ", node.ToString().Split(['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
