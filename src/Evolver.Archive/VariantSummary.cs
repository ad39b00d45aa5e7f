using Evolver.Core;

namespace Evolver.Archive;

/// <summary>One row of <c>evolver archive ls</c>: a variant as the index knows it.</summary>
public sealed record VariantSummary
{
    /// <summary>The variant's id.</summary>
    public required string Id { get; init; }

    /// <summary>The commit's SHA-1.</summary>
    public required string Commit { get; init; }

    /// <summary>Ids of the parent variants.</summary>
    public required IReadOnlyList<string> Parents { get; init; }

    /// <summary>The generation: 0 for seeds.</summary>
    public required int Generation { get; init; }

    /// <summary>The fitness, 0 to 1.</summary>
    public required double Score { get; init; }

    /// <summary>Whether it is in the pool parents are picked from.</summary>
    public required bool Admitted { get; init; }

    /// <summary>How far it got.</summary>
    public required VariantStatus Status { get; init; }

    /// <summary>How many variants name it as a parent.</summary>
    public required int Children { get; init; }

    /// <summary>Money spent on it, in US dollars.</summary>
    public required double CostUsd { get; init; }

    /// <summary>LLM tokens spent on it, input and output.</summary>
    public required long Tokens { get; init; }

    /// <summary>The mutator that made it.</summary>
    public required string Mutator { get; init; }

    /// <summary>The first line of the mutation's description.</summary>
    public required string Summary { get; init; }

    /// <summary>When it was archived.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>What is wrong with it in git (missing or corrupt note, foreign parent), or null when nothing is.</summary>
    public string? Issue { get; init; }
}
