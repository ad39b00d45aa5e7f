using Microsoft.CodeAnalysis;

namespace Evolver.Mutation;

/// <summary>One place an operator can change: <see cref="Old"/> in file <see cref="File"/> becomes <see cref="New"/>.</summary>
/// <param name="File">The source file, relative to the agent folder.</param>
/// <param name="Old">The node replaced (for statement operators, the enclosing block).</param>
/// <param name="New">Its replacement.</param>
/// <param name="Description">What changes, for the archive: operator, place and a short before/after.</param>
internal sealed record GpSite(string File, SyntaxNode Old, SyntaxNode New, string Description)
{
    /// <summary><c>file:line</c> of <paramref name="node"/>, 1-based.</summary>
    public static string Place(SyntaxNode node) => $"{node.SyntaxTree.FilePath}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";

    /// <summary><paramref name="node"/> as one short line of text.</summary>
    public static string Snippet(SyntaxNode node)
    {
        var text = string.Join(" ", node.ToString().Split(['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
