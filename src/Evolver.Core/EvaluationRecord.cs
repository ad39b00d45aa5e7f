namespace Evolver.Core;

/// <summary>
/// What the loop learned about one variant: the evaluation record archived as a JSON git note on the variant's commit.
/// Failed attempts get one too, with <see cref="Admitted"/> false.
/// </summary>
public sealed record EvaluationRecord
{
    /// <summary>How far the variant got.</summary>
    public required VariantStatus Status { get; init; }

    /// <summary>Whether the admission policy let the variant into the pool parents are picked from.</summary>
    public required bool Admitted { get; init; }

    /// <summary>The fitness, 0 to 1: the resolved share of the tasks run; 0 for failed attempts.</summary>
    public double Score { get; init; }

    /// <summary>Per-task outcomes, in run order.</summary>
    public IReadOnlyList<TaskRecord> Tasks { get; init; } = [];

    /// <summary>The evaluation stages reached, in order.</summary>
    public IReadOnlyList<StageRecord> Stages { get; init; } = [];

    /// <summary>The suite the tasks came from, for reproducing the evaluation.</summary>
    public string? Suite { get; init; }

    /// <summary>The suite's version.</summary>
    public string? SuiteVersion { get; init; }

    /// <summary>The mutator that made the variant: <c>llm</c>, <c>self</c>, <c>gp</c>, or <c>seed</c>.</summary>
    public string Mutator { get; init; } = "";

    /// <summary>The mutation's description of the change, for people.</summary>
    public string MutationDescription { get; init; } = "";

    /// <summary>LLM input tokens spent on this variant (mutation and evaluation).</summary>
    public long InputTokens { get; init; }

    /// <summary>LLM output tokens spent on this variant.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Money spent on this variant, in US dollars.</summary>
    public double CostUsd { get; init; }

    /// <summary>Wall-clock time per phase, e.g. <c>mutate</c>, <c>validate</c>, <c>evaluate</c>.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Timings { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Validation and compiler diagnostics, one per entry.</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];

    /// <summary>Short machine-readable marks, e.g. <c>protected-edit</c>, <c>banned-api</c>, <c>repaired</c>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}
