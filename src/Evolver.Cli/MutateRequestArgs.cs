namespace Evolver.Cli;

/// <summary>The arguments of one <c>evolver mutate</c>.</summary>
/// <param name="Archive">The archive folder, as given.</param>
/// <param name="Parents">The parent variant ids: one, or two for crossover.</param>
/// <param name="Mutator"><c>gp</c>, <c>llm</c> or <c>self</c>.</param>
/// <param name="Seed">Seeds the mutation's random choices.</param>
/// <param name="Config">The config file holding the <c>llm</c> section, or null.</param>
/// <param name="Options">Mutator-specific settings passed with the request.</param>
/// <param name="Json">Whether to write JSON instead of text.</param>
internal sealed record MutateRequestArgs(
    string Archive, IReadOnlyList<string> Parents, string Mutator, int Seed, string? Config, IReadOnlyDictionary<string, string> Options, bool Json);
