namespace Evolver.Core;

/// <summary>The outcome of one mutation: the child's folder and description, or why there is no usable child.</summary>
public sealed record MutationResult
{
    /// <summary>How the mutation ended.</summary>
    public required MutationStatus Status { get; init; }

    /// <summary>True when a valid child was written.</summary>
    public bool Succeeded => Status == MutationStatus.Succeeded;

    /// <summary>The child's source folder, when one was written (also for a rejected child, so it can be archived as a failed attempt).</summary>
    public string? ChildDirectory { get; init; }

    /// <summary>What changed, for people and the archive (<see cref="EvaluationRecord.MutationDescription"/>).</summary>
    public string Description { get; init; } = "";

    /// <summary>Why the mutation failed or was rejected, in one line; empty on success.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Validation and compiler diagnostics, one per entry (<see cref="EvaluationRecord.Diagnostics"/>).</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];

    /// <summary>Short machine-readable marks, e.g. <c>compile-error</c>, <c>protected-edit</c>, <c>banned-api</c> (<see cref="EvaluationRecord.Flags"/>).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>LLM input tokens the mutation spent.</summary>
    public long InputTokens { get; init; }

    /// <summary>LLM output tokens the mutation spent.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Money the mutation spent, in US dollars.</summary>
    public double CostUsd { get; init; }

    /// <summary>A valid child in <paramref name="childDirectory"/>.</summary>
    public static MutationResult Success(string childDirectory, string description, IReadOnlyList<string>? diagnostics = null) => new()
    {
        Status = MutationStatus.Succeeded, ChildDirectory = childDirectory, Description = description, Diagnostics = diagnostics ?? [],
    };

    /// <summary>A child was written to <paramref name="childDirectory"/> but validation rejected it.</summary>
    public static MutationResult Rejection(
        string childDirectory, string description, string reason, IReadOnlyList<string> diagnostics, IReadOnlyList<string> flags) => new()
    {
        Status = MutationStatus.Rejected, ChildDirectory = childDirectory, Description = description, Reason = reason,
        Diagnostics = diagnostics, Flags = flags,
    };

    /// <summary>No child could be made.</summary>
    public static MutationResult Failure(string reason, string description = "") => new()
    {
        Status = MutationStatus.Failed, Reason = reason, Description = description,
    };
}
