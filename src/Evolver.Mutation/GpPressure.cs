namespace Evolver.Mutation;

/// <summary>Why gp's constant operator goes to time knobs for this request, and how it weighs them.</summary>
/// <param name="Why">For the mutation's description: how many tasks the parent lost near which limit.</param>
/// <param name="Weights">The parent's time profile over those tasks, or null for a uniform choice among the knobs.</param>
internal sealed record GpPressure(string Why, TimeKnobWeights? Weights);
