namespace Evolver.Core;

/// <summary>An archived variant: a commit, its parents and its evaluation record.</summary>
public sealed record VariantRecord
{
    /// <summary>The variant's id; its ref is <c>refs/evolver/variants/&lt;id&gt;</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The commit's SHA-1, 40 hex digits.</summary>
    public required string Commit { get; init; }

    /// <summary>Ids of the parent variants, in commit-parent order.</summary>
    public required IReadOnlyList<string> Parents { get; init; }

    /// <summary>The generation: 0 for seeds.</summary>
    public required int Generation { get; init; }

    /// <summary>When the variant was archived.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The evaluation record.</summary>
    public required EvaluationRecord Evaluation { get; init; }

    /// <summary>The commit holding the evaluation's logs and LLM exchanges, or null when none were archived.</summary>
    public string? Logs { get; init; }
}
