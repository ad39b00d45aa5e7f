using Evolver.Core;

namespace Evolver.Web;

/// <summary>One variant as the tree, the filters and the plots see it (an item of <c>/api/variants</c>).</summary>
internal sealed record VariantNode
{
    public required string Id { get; init; }

    /// <summary>Parent ids present in the archive: the first is the tree parent, a second one is a crossover's other parent.</summary>
    public required IReadOnlyList<string> Parents { get; init; }

    public required int Generation { get; init; }

    public required double Score { get; init; }

    public required VariantStatus Status { get; init; }

    public required bool Admitted { get; init; }

    /// <summary>A failed attempt: did not compile, broke a rule, or crashed. Drawn faint.</summary>
    public required bool Failed { get; init; }

    /// <summary>How many variants name it as a parent (either parent).</summary>
    public required int Children { get; init; }

    public required double CostUsd { get; init; }

    public required long Tokens { get; init; }

    public required string Mutator { get; init; }

    public required string Summary { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The run iteration that made it (0 for seeds), or null when the run state does not say.</summary>
    public long? Iteration { get; init; }

    /// <summary>A child whose parent is not in the archive (evicted, or a foreign commit): drawn as a marked root, never as a ghost node.</summary>
    public bool Orphan { get; init; }

    /// <summary>On the first-parent path from a root to the best variant.</summary>
    public bool BestPath { get; init; }

    /// <summary>What git says is wrong with it (a missing parent, a missing or corrupt note), or null.</summary>
    public string? Issue { get; init; }
}
