namespace Evolver.Cli;

/// <summary>One entry of the config's <c>mutators</c> list.</summary>
/// <param name="Name"><c>gp</c>, <c>llm</c> or <c>self</c>.</param>
/// <param name="Weight">Relative chance of being picked for a child.</param>
/// <param name="Parents">1, or 2 for crossover.</param>
/// <param name="Options">Mutator-specific settings passed with every request.</param>
internal sealed record RunMutatorSpec(string Name, double Weight, int Parents, IReadOnlyDictionary<string, string> Options);
