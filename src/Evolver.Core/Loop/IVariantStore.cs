namespace Evolver.Core;

/// <summary>
/// What the evolution loop needs from the archive: the parent-selection inputs, atomic variant commits, and the run
/// state. Implementations must be safe to call from several workers at once.
/// </summary>
public interface IVariantStore
{
    /// <summary>Every admitted variant with its score, children count and task outcomes, in a fixed order.</summary>
    IReadOnlyList<ParentCandidate> ReadSelectionInputs();

    /// <summary>Every variant, admitted or not, with its parents and own outcome counts, for the <c>hgm</c> selector.</summary>
    IReadOnlyList<CladeNode> ReadLineage();

    /// <summary>Every variant's id and status.</summary>
    IReadOnlyDictionary<string, VariantStatus> Statuses();

    /// <summary>Whether variant <paramref name="id"/> exists.</summary>
    bool Contains(string id);

    /// <summary>Variant <paramref name="id"/>; throws when it does not exist.</summary>
    VariantRecord GetVariant(string id);

    /// <summary>The number of the next generated id: one more than the highest <c>v&lt;n&gt;</c> in the store, 0 when none.</summary>
    long NextSequence();

    /// <summary>Writes the source of variant <paramref name="id"/> into <paramref name="directory"/>, which must not exist or be empty.</summary>
    void ExportSource(string id, string directory);

    /// <summary>Writes the archived logs of variant <paramref name="id"/> into <paramref name="directory"/>; false when it has none.</summary>
    bool ExportLogs(string id, string directory);

    /// <summary>Archives a variant, all or nothing; throws when its id exists.</summary>
    Task<VariantRecord> CommitVariantAsync(VariantDraft draft, CancellationToken cancellationToken);

    /// <summary>Replaces the evaluation record of variant <paramref name="id"/> (a seed archived before it was evaluated).</summary>
    Task<VariantRecord> UpdateEvaluationAsync(string id, EvaluationRecord evaluation, CancellationToken cancellationToken);

    /// <summary>The saved run state as JSON, or null when the store holds no run.</summary>
    Task<string?> ReadRunStateAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the saved run state, atomically: a reader sees the old state or the new one, never a mix.</summary>
    Task WriteRunStateAsync(string json, CancellationToken cancellationToken);
}
