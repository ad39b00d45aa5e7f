namespace Evolver.Web;

/// <summary>What <c>/api/summary</c> returns: counts, the best path, the run and the plots' data.</summary>
internal sealed record ArchiveSummary
{
    public required string Archive { get; init; }

    public required string Version { get; init; }

    public required int Variants { get; init; }

    public required int Failed { get; init; }

    public required int Orphans { get; init; }

    /// <summary>The best evaluated variant (highest score, earliest on ties), or null when none is evaluated.</summary>
    public string? BestId { get; init; }

    /// <summary>Ids from a root to the best variant, by first parent.</summary>
    public required IReadOnlyList<string> BestPath { get; init; }

    public RunInfo? Run { get; init; }

    public required IReadOnlyList<string> Mutators { get; init; }

    public required IReadOnlyList<string> Statuses { get; init; }

    public required int MaxGeneration { get; init; }

    /// <summary>Best and mean score against iteration.</summary>
    public required IReadOnlyList<IterationPoint> Progress { get; init; }

    /// <summary>Every evaluated variant with its iteration, score and cost (the scatter plots).</summary>
    public required IReadOnlyList<ScorePoint> Points { get; init; }

    /// <summary>How often the page should poll <c>/api/version</c>, in milliseconds (0 in a static report).</summary>
    public int PollMilliseconds { get; init; }
}
