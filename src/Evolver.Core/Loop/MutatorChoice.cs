namespace Evolver.Core;

/// <summary>One mutator a run may use, with how often it is picked and how many parents it takes.</summary>
/// <param name="Mutator">The mutator.</param>
/// <param name="Weight">Its relative chance of being picked for a child; positive.</param>
/// <param name="Parents">Parents per child: 1, or 2 for crossover.</param>
/// <param name="Options">Mutator-specific settings passed with every request (<see cref="MutationRequest.Options"/>).</param>
public sealed record MutatorChoice(IMutator Mutator, double Weight = 1, int Parents = 1, IReadOnlyDictionary<string, string>? Options = null);
