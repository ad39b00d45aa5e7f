namespace Evolver.Core;

/// <summary>What a mutator is asked to do: make one child from its parents.</summary>
public sealed record MutationRequest
{
    /// <summary>One parent, or two for crossover (the first is the one whose structure the child keeps).</summary>
    public required IReadOnlyList<MutationParent> Parents { get; init; }

    /// <summary>Where the child's complete source folder is written; it must not exist yet or be empty.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Seeds every random choice, so the same seed and parents give the same child.</summary>
    public required int Seed { get; init; }

    /// <summary>Mutator-specific settings for this request only (for example <c>operators=literal,condition</c>); empty by default.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
