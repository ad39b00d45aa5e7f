using Evolver.Core;

namespace Evolver.Archive;

/// <summary>Which variants <see cref="AgentArchive.ListVariants"/> returns, and in what order.</summary>
public sealed record VariantQuery
{
    /// <summary>The sort key. Default <see cref="VariantSort.Id"/>.</summary>
    public VariantSort Sort { get; init; } = VariantSort.Id;

    /// <summary>Whether the order is descending. Default false.</summary>
    public bool Descending { get; init; }

    /// <summary>Only admitted variants. Default false.</summary>
    public bool AdmittedOnly { get; init; }

    /// <summary>Only variants with this status, when set.</summary>
    public VariantStatus? Status { get; init; }

    /// <summary>Only variants scoring at least this, when set.</summary>
    public double? MinScore { get; init; }

    /// <summary>Only variants made by this mutator, when set.</summary>
    public string? Mutator { get; init; }

    /// <summary>Only variants of this generation, when set.</summary>
    public int? Generation { get; init; }

    /// <summary>At most this many rows, when set.</summary>
    public int? Limit { get; init; }
}
