using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Evolver.Mutation;

/// <summary>
/// The gp operators on statements: delete one, duplicate one, swap two neighbours. Statements that declare variables
/// are left alone (deleting or moving them mostly breaks later uses), so more children compile.
/// </summary>
internal static class GpStatementOperators
{
    public static IEnumerable<GpSite> Deletions(string file, SyntaxNode root)
    {
        foreach (var block in Blocks(root))
        {
            for (var i = 0; i < block.Statements.Count; i++)
            {
                var statement = block.Statements[i];
                if (Declares(statement) || (statement is ReturnStatementSyntax or ThrowStatementSyntax && IsBodyOfMember(block)))
                {
                    continue;
                }

                var changed = block.WithStatements(block.Statements.RemoveAt(i));
                yield return new GpSite(file, block, changed, $"delete statement at {GpSite.Place(statement)}: {GpSite.Snippet(statement)}");
            }
        }
    }

    public static IEnumerable<GpSite> Duplications(string file, SyntaxNode root)
    {
        foreach (var block in Blocks(root))
        {
            for (var i = 0; i < block.Statements.Count; i++)
            {
                var statement = block.Statements[i];
                if (statement is not (ExpressionStatementSyntax or IfStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or ForStatementSyntax) || Declares(statement))
                {
                    continue;
                }

                var changed = block.WithStatements(block.Statements.Insert(i + 1, statement));
                yield return new GpSite(file, block, changed, $"duplicate statement at {GpSite.Place(statement)}: {GpSite.Snippet(statement)}");
            }
        }
    }

    public static IEnumerable<GpSite> Swaps(string file, SyntaxNode root)
    {
        foreach (var block in Blocks(root))
        {
            for (var i = 0; i + 1 < block.Statements.Count; i++)
            {
                var (first, second) = (block.Statements[i], block.Statements[i + 1]);
                if (Declares(first) || Declares(second) || IsJump(first) || IsJump(second))
                {
                    continue;
                }

                // Each statement keeps its own place's trivia, so comments and indentation stay where they were.
                var statements = block.Statements.ToList();
                statements[i] = second.WithTriviaFrom(first);
                statements[i + 1] = first.WithTriviaFrom(second);
                yield return new GpSite(file, block, block.WithStatements(SyntaxFactory.List(statements)), $"swap statements at {GpSite.Place(first)}: {GpSite.Snippet(first)} <-> {GpSite.Snippet(second)}");
            }
        }
    }

    private static IEnumerable<BlockSyntax> Blocks(SyntaxNode root) =>
        root.DescendantNodes().OfType<BlockSyntax>().Where(b => b.Statements.Count > 0 && !ProtectedCode.IsProtected(b));

    /// <summary>True when <paramref name="statement"/> declares a name the rest of its block may use.</summary>
    private static bool Declares(StatementSyntax statement) =>
        statement is LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax or LabeledStatementSyntax
        || (statement is not (BlockSyntax or IfStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or ForStatementSyntax or TryStatementSyntax or UsingStatementSyntax)
            && statement.DescendantNodes().Any(n => n is DeclarationExpressionSyntax or DeclarationPatternSyntax or RecursivePatternSyntax { Designation: not null }))
        || (statement is IfStatementSyntax i && i.Condition.DescendantNodesAndSelf().Any(n => n is DeclarationExpressionSyntax or DeclarationPatternSyntax or RecursivePatternSyntax { Designation: not null }));

    private static bool IsJump(StatementSyntax statement) =>
        statement is ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or YieldStatementSyntax or GotoStatementSyntax;

    /// <summary>True for the body block of a method, accessor, local function or lambda: its last return cannot go.</summary>
    private static bool IsBodyOfMember(BlockSyntax block) =>
        block.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax;
}
