namespace Evolver.Core;

/// <summary>A variant to archive: the agent's source folder, its parents and its evaluation.</summary>
public sealed record VariantDraft
{
    /// <summary>The agent's complete source folder; it becomes the commit's tree.</summary>
    public required string SourceDirectory { get; init; }

    /// <summary>Ids of the parent variants: none for a seed, one for a mutation, two for crossover.</summary>
    public IReadOnlyList<string> Parents { get; init; } = [];

    /// <summary>The evaluation record, archived as the commit's note.</summary>
    public required EvaluationRecord Evaluation { get; init; }

    /// <summary>The id to use; null lets the archive number it (<c>v0</c>, <c>v1</c>, ...).</summary>
    public string? Id { get; init; }

    /// <summary>The generation; null makes it one more than the parents' highest (0 for a seed).</summary>
    public int? Generation { get; init; }

    /// <summary>
    /// A folder of the evaluation's logs and recorded LLM exchanges, archived beside the variant (not in its source
    /// tree) and pointed to by its note; null when there are none.
    /// </summary>
    public string? LogsDirectory { get; init; }
}
