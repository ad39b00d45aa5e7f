namespace Evolver.Mutation;

/// <summary>Settings of <see cref="LlmMutator"/>. The model, endpoint and key are <c>Evolver.Llm.LlmOptions</c>'.</summary>
public sealed class LlmMutatorOptions
{
    /// <summary>Times compiler and validation problems go back to the model after the first implementation. Default 3.</summary>
    public int MaxRepairRounds { get; init; } = 3;

    /// <summary>Longest reply accepted, in characters; a longer one fails the mutation as too large. Default 200,000.</summary>
    public int MaxReplyChars { get; init; } = 200_000;

    /// <summary>Largest agent source, in characters, put into a prompt; a larger parent is not mutated. Default 150,000.</summary>
    public int MaxSourceChars { get; init; } = 150_000;

    /// <summary>Characters of the failed task's log shown to the model (its head and tail are kept). Default 30,000.</summary>
    public int MaxLogChars { get; init; } = 30_000;

    /// <summary>Most edit blocks accepted in one reply. Default 40.</summary>
    public int MaxEdits { get; init; } = 40;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRepairRounds, nameof(MaxRepairRounds));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReplyChars, 1000, nameof(MaxReplyChars));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSourceChars, 1000, nameof(MaxSourceChars));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLogChars, 100, nameof(MaxLogChars));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEdits, 1, nameof(MaxEdits));
    }
}
