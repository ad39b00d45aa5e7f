using System.Globalization;

namespace Evolver.Core;

/// <summary>
/// Decides which evaluated children join the pool parents are picked from. Both policies first require what DGM's
/// <c>is_compiled_self_improve</c> requires: the child was evaluated, and it made a patch on at least one task (some
/// outcome other than no change or a harness error), so a child that compiles but never edits anything stays out.
/// <c>keep_all</c> (DGM's default) admits every such child. <c>keep_better</c> also requires
/// score ≥ reference − leeway, the reference being the parent's score by default; DGM's own <c>keep_better</c>
/// compares with the initial agent's score minus a noise leeway of 0.1, which is <see cref="ScoreReference.Seed"/> here.
/// </summary>
public sealed class AdmissionPolicy
{
    private AdmissionPolicy(string name, ScoreReference reference, double leeway)
    {
        Name = name;
        Reference = reference;
        Leeway = leeway;
    }

    /// <summary>The valid config names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["keep_all", "keep_better"];

    /// <summary>Admit every evaluated child that made a patch.</summary>
    public static AdmissionPolicy KeepAll { get; } = new("keep_all", ScoreReference.Parent, 0);

    /// <summary>The config name: <c>keep_all</c> or <c>keep_better</c>.</summary>
    public string Name { get; }

    /// <summary>Whose score <c>keep_better</c> compares with; the caller passes that score to <see cref="Decide"/>.</summary>
    public ScoreReference Reference { get; }

    /// <summary>How far below the reference a <c>keep_better</c> child may score and still be admitted, for evaluation noise.</summary>
    public double Leeway { get; }

    /// <summary>Admit children that score at least the reference's score minus <paramref name="leeway"/>.</summary>
    /// <param name="reference">Whose score to compare with. Default the parent's.</param>
    /// <param name="leeway">0 to 1. Default 0.</param>
    public static AdmissionPolicy KeepBetter(ScoreReference reference = ScoreReference.Parent, double leeway = 0)
    {
        if (!Enum.IsDefined(reference))
        {
            throw new ArgumentException("Not a known score reference.", nameof(reference));
        }

        if (!(leeway is >= 0 and <= 1))
        {
            throw new ArgumentException($"The leeway must be between 0 and 1, not {leeway}.", nameof(leeway));
        }

        return new AdmissionPolicy("keep_better", reference, leeway);
    }

    /// <summary>
    /// The policy of config name <paramref name="name"/>; throws <see cref="ArgumentException"/> naming a bad name and
    /// the valid ones. <paramref name="reference"/> and <paramref name="leeway"/> apply to <c>keep_better</c> only.
    /// </summary>
    public static AdmissionPolicy Create(string name, ScoreReference reference = ScoreReference.Parent, double leeway = 0) => name switch
    {
        "keep_all" => KeepAll,
        "keep_better" => KeepBetter(reference, leeway),
        _ => throw new ArgumentException($"Unknown admission policy '{name}'. Valid policies: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>Whether <paramref name="child"/> is admitted.</summary>
    /// <param name="child">The child's evaluation record (its <see cref="EvaluationRecord.Admitted"/> is ignored).</param>
    /// <param name="referenceScore">The score named by <see cref="Reference"/>; <c>keep_all</c> ignores it.</param>
    public AdmissionDecision Decide(EvaluationRecord child, double referenceScore)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Status != VariantStatus.Evaluated)
        {
            return new AdmissionDecision(false, $"not evaluated ({child.Status})");
        }

        if (!child.Tasks.Any(t => t.Outcome is not (TaskOutcome.NoChange or TaskOutcome.HarnessError)))
        {
            return new AdmissionDecision(false, "made no patch on any task");
        }

        if (Name == "keep_all")
        {
            return new AdmissionDecision(true, "keep_all");
        }

        // The tolerance keeps 0.3 ≥ 0.4 − 0.1 true in binary floating point.
        var bar = referenceScore - Leeway - 1e-9;
        var reference = Reference.ToString().ToLowerInvariant();
        return child.Score >= bar
            ? new AdmissionDecision(true, Format($"score {child.Score:0.###} ≥ {reference} {referenceScore:0.###} − {Leeway:0.###}"))
            : new AdmissionDecision(false, Format($"score {child.Score:0.###} < {reference} {referenceScore:0.###} − {Leeway:0.###}"));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
