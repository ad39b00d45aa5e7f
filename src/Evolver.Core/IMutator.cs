namespace Evolver.Core;

/// <summary>Makes a child agent's source from one parent (or two, for crossover): the loop's mutation step.</summary>
public interface IMutator
{
    /// <summary>The mutator's name as archived in <see cref="EvaluationRecord.Mutator"/>: <c>gp</c>, <c>llm</c> or <c>self</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Writes the child's complete source to <see cref="MutationRequest.OutputDirectory"/> and describes the change.
    /// A child that cannot be made, or that validation rejects, is a result value, not an exception.
    /// </summary>
    /// <param name="request">The parents, where the child goes, and the seed.</param>
    /// <param name="ct">Stops the mutation.</param>
    Task<MutationResult> MutateAsync(MutationRequest request, CancellationToken ct);
}
