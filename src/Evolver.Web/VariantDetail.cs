using Evolver.Core;

namespace Evolver.Web;

/// <summary>What <c>/api/variants/{id}</c> returns: the node, its whole evaluation record, its logs and LLM transcripts.</summary>
internal sealed record VariantDetail
{
    public required VariantNode Variant { get; init; }

    public string? Commit { get; init; }

    /// <summary>The evaluation record, or null when git could not give it (see <see cref="Problem"/>).</summary>
    public EvaluationRecord? Evaluation { get; init; }

    /// <summary>Why the record could not be read (a corrupt note, a parent that is not in the archive), or null.</summary>
    public string? Problem { get; init; }

    public required IReadOnlyList<LogFile> Logs { get; init; }

    /// <summary>The recorded LLM exchanges; empty when none were recorded.</summary>
    public required IReadOnlyList<Transcript> Transcripts { get; init; }

    /// <summary>Variants whose first parent it is, for navigation.</summary>
    public required IReadOnlyList<string> ChildIds { get; init; }
}
