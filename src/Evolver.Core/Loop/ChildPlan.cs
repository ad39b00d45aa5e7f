namespace Evolver.Core;

/// <summary>
/// Everything a child's job depends on, fixed before the job starts and saved in the run state while it runs, so a
/// job that a crash interrupts is re-done exactly: same id, parents, mutator, seeds and references.
/// </summary>
public sealed record ChildPlan
{
    /// <summary>The variant id the job archives under.</summary>
    public required string Id { get; init; }

    /// <summary>Seed evaluation or child.</summary>
    public required ChildKind Kind { get; init; }

    /// <summary>The iteration, from 1, for a child; 0 for a seed.</summary>
    public long Iteration { get; init; }

    /// <summary>Parent variant ids (none for a seed).</summary>
    public IReadOnlyList<string> Parents { get; init; } = [];

    /// <summary>The index of the mutator in the run's mutator list (−1 for a seed).</summary>
    public int MutatorIndex { get; init; } = -1;

    /// <summary>The mutator's name, or <c>seed</c>.</summary>
    public string Mutator { get; init; } = "seed";

    /// <summary>The seed of the mutation's random choices.</summary>
    public int Seed { get; init; }

    /// <summary>The seed of the child's task order.</summary>
    public int TaskSeed { get; init; }

    /// <summary>The score <c>keep_better</c> admission compares the child with.</summary>
    public double AdmissionReference { get; init; }

    /// <summary>The score incremental evaluation compares the child with.</summary>
    public double StageReference { get; init; }

    /// <summary>For a seed: its source folder.</summary>
    public string? SourceDirectory { get; init; }
}
