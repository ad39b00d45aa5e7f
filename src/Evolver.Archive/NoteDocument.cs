using Evolver.Core;

namespace Evolver.Archive;

/// <summary>The JSON of a variant's note: what the commit alone does not say, plus the evaluation record.</summary>
internal sealed record NoteDocument
{
    public required int Format { get; init; }

    public required string Id { get; init; }

    public required int Generation { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required EvaluationRecord Evaluation { get; init; }

    /// <summary>The commit holding the evaluation's logs (ref <c>refs/evolver/logs/&lt;id&gt;</c>), or null.</summary>
    public string? Logs { get; init; }
}
