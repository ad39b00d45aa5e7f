using System.Text.RegularExpressions;
using Evolver.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Evolver.Mutation;

/// <summary>
/// The directed form of the <c>constant</c> operator. When the parent's evaluation record shows tasks lost near the
/// agent's time limit, a constant change goes to a time knob (a constant named for time, or a <see cref="TimeSpan"/>) and
/// shrinks it by a real distance (halved, quartered or cut to an eighth): an agent that runs out of time is helped by
/// spending less on each step, and a one-step ±1 on an 8 s timeout moves too little to show under load.
/// </summary>
internal static partial class GpTimePressure
{
    /// <summary>An unresolved task that took at least this share of the limit counts as lost to time.</summary>
    public const double NearLimitShare = 0.75;

    /// <summary>
    /// How many of <paramref name="record"/>'s tasks were unresolved after at least <see cref="NearLimitShare"/> of
    /// <paramref name="limitSeconds"/>; 0 when there is no record.
    /// </summary>
    public static int LostNearLimit(EvaluationRecord? record, double limitSeconds) =>
        record?.Tasks.Count(t => IsLostNearLimit(t, limitSeconds)) ?? 0;

    /// <summary>True when <paramref name="task"/> was unresolved after at least <see cref="NearLimitShare"/> of <paramref name="limitSeconds"/>.</summary>
    public static bool IsLostNearLimit(TaskRecord task, double limitSeconds) =>
        !task.Resolved && task.Duration.TotalSeconds >= NearLimitShare * limitSeconds;

    /// <summary>
    /// The knob <paramref name="literal"/> belongs to, as <c>Type.Member</c>: the innermost type declaring it and the
    /// constant's name, the way an agent names it in its time profile.
    /// </summary>
    public static string KnobName(LiteralExpressionSyntax literal)
    {
        var declarator = literal.Ancestors().OfType<VariableDeclaratorSyntax>().FirstOrDefault();
        var type = literal.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault();
        return $"{type?.Identifier.Text}.{declarator?.Identifier.Text}";
    }

    /// <summary>
    /// <paramref name="sites"/> (from <see cref="Sites"/>, made with <paramref name="why"/>) weighted by
    /// <paramref name="weights"/>, each description saying what the profile measured for its knob; unchanged (so drawn
    /// uniformly) without a profile or when it names none of the knobs.
    /// </summary>
    public static List<GpSite> Weigh(List<GpSite> sites, TimeKnobWeights? weights, string why)
    {
        var knobs = sites.Select(s => KnobName((LiteralExpressionSyntax)s.Old)).ToList();
        if (weights?.Probabilities(knobs) is not { } probabilities)
        {
            return sites;
        }

        var prefix = $"constant ({why}";
        return [.. sites.Select((s, i) => s with
        {
            Weight = probabilities[i],
            Description = $"{prefix}; {weights.Describe(knobs[i], probabilities[i] * knobs.Count(k => k == knobs[i]))}{s.Description[prefix.Length..]}",
        })];
    }

    /// <summary>Sites on the time knobs of one file, each shrunk; <paramref name="why"/> goes into every description.</summary>
    public static IEnumerable<GpSite> Sites(string file, SyntaxNode root, Random random, string why)
    {
        foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.NumericLiteralExpression) && !ProtectedCode.IsProtected(l) && IsTimeKnob(l)))
        {
            var values = Shrinks(literal.Token.Value);
            if (values.Count > 0)
            {
                var replacement = GpExpressionOperators.Number(values[random.Next(values.Count)]).WithTriviaFrom(literal);
                yield return new GpSite(file, literal, replacement, $"constant ({why}) at {GpSite.Place(literal)}: {literal.Token.Text} -> {replacement}");
            }
        }
    }

    /// <summary>
    /// The distinct smaller non-negative values of <paramref name="value"/> divided by 2, 4 and 8 (integer division for
    /// integers), smallest last; empty for zero, negative or non-numeric values.
    /// </summary>
    public static IReadOnlyList<object> Shrinks(object? value) => value switch
    {
        int i when i > 0 => new[] { i / 2, i / 4, i / 8 }.Where(n => n != i).Distinct().Select(n => (object)n).ToList(),
        long l when l > 0 => new[] { l / 2, l / 4, l / 8 }.Where(n => n != l).Distinct().Select(n => (object)n).ToList(),
        double d when d > 0 => new[] { d / 2, d / 4, d / 8 }.Select(n => (object)n).ToList(),
        _ => [],
    };

    /// <summary>
    /// True for a literal inside a tunable constant (a <c>const</c>, or a <c>static readonly</c> field's initializer)
    /// whose name speaks of time, or whose type is <see cref="TimeSpan"/>.
    /// </summary>
    public static bool IsTimeKnob(LiteralExpressionSyntax literal)
    {
        if (!GpExpressionOperators.IsTunable(literal) || literal.Ancestors().OfType<VariableDeclaratorSyntax>().FirstOrDefault() is not { } declarator)
        {
            return false;
        }

        var type = (declarator.Parent as VariableDeclarationSyntax)?.Type.ToString() ?? "";
        return TimeName().IsMatch(declarator.Identifier.Text) || type is "TimeSpan" or "System.TimeSpan";
    }

    [GeneratedRegex("second|milli|minute|time|deadline|delay", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeName();
}
