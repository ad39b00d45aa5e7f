namespace Evolver.Core;

/// <summary>One finished job of a run, in finishing order: what the progress view, <c>evolver status</c> and the plot show.</summary>
public sealed record RunHistoryEntry
{
    /// <summary>The variant id.</summary>
    public required string Id { get; init; }

    /// <summary>Seed evaluation or child.</summary>
    public required ChildKind Kind { get; init; }

    /// <summary>The iteration, from 1, for a child; 0 for a seed.</summary>
    public long Iteration { get; init; }

    /// <summary>Parent variant ids.</summary>
    public IReadOnlyList<string> Parents { get; init; } = [];

    /// <summary>The mutator's name, or <c>seed</c>.</summary>
    public string Mutator { get; init; } = "";

    /// <summary>How far the variant got.</summary>
    public required VariantStatus Status { get; init; }

    /// <summary>Whether it was admitted to the parent pool.</summary>
    public bool Admitted { get; init; }

    /// <summary>Its score, 0 to 1.</summary>
    public double Score { get; init; }

    /// <summary>Tasks run.</summary>
    public int Tasks { get; init; }

    /// <summary>Tasks resolved.</summary>
    public int Resolved { get; init; }

    /// <summary>Why it was admitted or not, or why it failed, in one line.</summary>
    public string Note { get; init; } = "";

    /// <summary>The run's elapsed wall-clock time when the job finished.</summary>
    public TimeSpan FinishedAt { get; init; }

    /// <summary>How long the job took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Numeric descriptors of the variant's source (e.g. its syntax-tree size), for <c>map_elites</c>.</summary>
    public IReadOnlyDictionary<string, double> Descriptors { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>The entry of <paramref name="plan"/>'s job, archived with <paramref name="evaluation"/>.</summary>
    internal static RunHistoryEntry Of(ChildPlan plan, EvaluationRecord evaluation, string note, TimeSpan finishedAt) => new()
    {
        Id = plan.Id,
        Kind = plan.Kind,
        Iteration = plan.Iteration,
        Parents = plan.Parents,
        Mutator = plan.Mutator,
        Status = evaluation.Status,
        Admitted = evaluation.Admitted,
        Score = evaluation.Score,
        Tasks = evaluation.Tasks.Count,
        Resolved = evaluation.Tasks.Count(t => t.Resolved),
        Note = note,
        FinishedAt = finishedAt,
    };
}
