using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Evolver.Mutation;

/// <summary>The gp operators on expressions: literals and conditions. Each site is drawn with its replacement fixed by the random stream.</summary>
internal static class GpExpressionOperators
{
    /// <summary>Comparison operators and the related ones each may become.</summary>
    private static readonly Dictionary<SyntaxKind, SyntaxKind[]> Comparisons = new()
    {
        [SyntaxKind.LessThanExpression] = [SyntaxKind.LessThanOrEqualExpression, SyntaxKind.GreaterThanExpression],
        [SyntaxKind.LessThanOrEqualExpression] = [SyntaxKind.LessThanExpression, SyntaxKind.GreaterThanOrEqualExpression],
        [SyntaxKind.GreaterThanExpression] = [SyntaxKind.GreaterThanOrEqualExpression, SyntaxKind.LessThanExpression],
        [SyntaxKind.GreaterThanOrEqualExpression] = [SyntaxKind.GreaterThanExpression, SyntaxKind.LessThanOrEqualExpression],
        [SyntaxKind.EqualsExpression] = [SyntaxKind.NotEqualsExpression],
        [SyntaxKind.NotEqualsExpression] = [SyntaxKind.EqualsExpression],
        [SyntaxKind.LogicalAndExpression] = [SyntaxKind.LogicalOrExpression],
        [SyntaxKind.LogicalOrExpression] = [SyntaxKind.LogicalAndExpression],
    };

    /// <summary>Numeric literals moved and boolean literals flipped.</summary>
    public static IEnumerable<GpSite> Literals(string file, SyntaxNode root, Random random) =>
        LiteralSites(file, root, random, "literal", _ => true);

    /// <summary>
    /// The agent's tunable constants: literals in <c>const</c> declarations and <c>static readonly</c> field initializers,
    /// changed as <see cref="Literals"/> changes them. An agent's knobs (timeouts, caps) live there, so drawing from these
    /// alone puts a mutation on a knob far more often than drawing from every literal does.
    /// </summary>
    public static IEnumerable<GpSite> Constants(string file, SyntaxNode root, Random random) =>
        LiteralSites(file, root, random, "constant", IsTunable);

    private static IEnumerable<GpSite> LiteralSites(string file, SyntaxNode root, Random random, string label, Func<LiteralExpressionSyntax, bool> where)
    {
        foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => !ProtectedCode.IsProtected(l) && where(l)))
        {
            ExpressionSyntax? replacement = literal.Kind() switch
            {
                SyntaxKind.TrueLiteralExpression => LiteralExpression(SyntaxKind.FalseLiteralExpression),
                SyntaxKind.FalseLiteralExpression => LiteralExpression(SyntaxKind.TrueLiteralExpression),
                SyntaxKind.NumericLiteralExpression => Numeric(literal.Token.Value, random.Next(5)),
                _ => null,
            };
            if (replacement is not null && !InConstantContext(literal))
            {
                replacement = replacement.WithTriviaFrom(literal);
                yield return new GpSite(file, literal, replacement, $"{label} at {GpSite.Place(literal)}: {literal.Token.Text} -> {replacement}");
            }
        }
    }

    /// <summary>Conditions negated, and comparison and logical operators swapped for related ones.</summary>
    public static IEnumerable<GpSite> Conditions(string file, SyntaxNode root, Random random)
    {
        foreach (var node in root.DescendantNodes().Where(n => !ProtectedCode.IsProtected(n)))
        {
            var condition = node switch
            {
                IfStatementSyntax s => s.Condition,
                WhileStatementSyntax s => s.Condition,
                DoStatementSyntax s => s.Condition,
                ConditionalExpressionSyntax c => c.Condition,
                _ => null,
            };
            if (condition is not null)
            {
                ExpressionSyntax negated = condition is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not
                    ? not.Operand is ParenthesizedExpressionSyntax p ? p.Expression : not.Operand
                    : PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, ParenthesizedExpression(condition.WithoutTrivia()));
                negated = negated.WithTriviaFrom(condition);
                yield return new GpSite(file, condition, negated, $"negate condition at {GpSite.Place(condition)}: {GpSite.Snippet(condition)} -> {GpSite.Snippet(negated)}");
            }

            if (node is BinaryExpressionSyntax binary && Comparisons.TryGetValue(binary.Kind(), out var kinds))
            {
                var kind = kinds[random.Next(kinds.Length)];
                var swapped = BinaryExpression(kind, binary.Left, Token(binary.OperatorToken.LeadingTrivia, OperatorToken(kind), binary.OperatorToken.TrailingTrivia), binary.Right);
                yield return new GpSite(file, binary, swapped, $"swap operator at {GpSite.Place(binary)}: {binary.OperatorToken.Text} -> {swapped.OperatorToken.Text} in {GpSite.Snippet(binary)}");
            }
        }
    }

    private static ExpressionSyntax? Numeric(object? value, int choice) => value switch
    {
        int i => new long[] { i + 1L, i - 1L, i * 2L, i / 2, 0 }[choice] is var n && n is > int.MinValue and <= int.MaxValue && n != i ? Number((int)n) : null,
        long l => new[] { l + 1, l - 1, l * 2, l / 2, 0 }[choice] is var n && n != l ? Number(n) : null,
        double d => new[] { d + 1, d - 1, d * 2, d / 2, 0 }[choice] is var n && n != d ? Number(n) : null,
        _ => null,
    };

    /// <summary>
    /// An <c>int</c>, <c>long</c> or <c>double</c> as a literal of the same type; a negative <c>int</c> as a prefix minus,
    /// the way C# spells negative literals.
    /// </summary>
    public static ExpressionSyntax Number(object value)
    {
        switch (value)
        {
            case int i:
                return i < 0
                    ? PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(-i)))
                    : LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(i));
            case long l:
                return LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(l.ToString(CultureInfo.InvariantCulture) + "L", l));
            default:
                var d = (double)value;
                var text = d.ToString("R", CultureInfo.InvariantCulture);
                text += text.Contains('.') || text.Contains('E') ? "" : ".0";
                return LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(text, d));
        }
    }

    /// <summary>
    /// Literals whose change would not compile for reasons unrelated to behaviour: attribute arguments, enum member
    /// values, and <c>case</c> labels (duplicates).
    /// </summary>
    private static bool InConstantContext(SyntaxNode literal) =>
        literal.Ancestors().Any(a => a is AttributeArgumentSyntax or EnumMemberDeclarationSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax);

    /// <summary>True for a literal in a <c>const</c> field or local, or in a <c>static readonly</c> field's initializer.</summary>
    public static bool IsTunable(LiteralExpressionSyntax literal) => literal.Ancestors().Any(a => a switch
    {
        FieldDeclarationSyntax f => f.Modifiers.Any(SyntaxKind.ConstKeyword)
            || (f.Modifiers.Any(SyntaxKind.StaticKeyword) && f.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)),
        LocalDeclarationStatementSyntax l => l.IsConst,
        _ => false,
    });

    private static SyntaxKind OperatorToken(SyntaxKind expression) => expression switch
    {
        SyntaxKind.LessThanExpression => SyntaxKind.LessThanToken,
        SyntaxKind.LessThanOrEqualExpression => SyntaxKind.LessThanEqualsToken,
        SyntaxKind.GreaterThanExpression => SyntaxKind.GreaterThanToken,
        SyntaxKind.GreaterThanOrEqualExpression => SyntaxKind.GreaterThanEqualsToken,
        SyntaxKind.EqualsExpression => SyntaxKind.EqualsEqualsToken,
        SyntaxKind.NotEqualsExpression => SyntaxKind.ExclamationEqualsToken,
        SyntaxKind.LogicalAndExpression => SyntaxKind.AmpersandAmpersandToken,
        _ => SyntaxKind.BarBarToken,
    };
}
