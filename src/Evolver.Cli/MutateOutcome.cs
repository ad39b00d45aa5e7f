using Evolver.Core;
using Evolver.Mutation;

namespace Evolver.Cli;

/// <summary>
/// What one <c>evolver mutate</c> made of its mutation and the child's validation: the source folder to archive and its
/// evaluation record (not evaluated yet and not admitted; or a failed attempt with its reason).
/// </summary>
/// <param name="Mutation">The mutator's result.</param>
/// <param name="Validation">The child's validation, or null when no child was written.</param>
/// <param name="SourceDirectory">The folder archived as the variant's tree: the child, or the first parent's source when there is no child.</param>
/// <param name="Reason">Why it is a failed attempt; empty for a valid child.</param>
/// <param name="Evaluation">The record archived as the variant's note.</param>
internal sealed record MutateOutcome(MutationResult Mutation, ValidationResult? Validation, string SourceDirectory, string Reason, EvaluationRecord Evaluation)
{
    /// <summary>Whether the child was written and passed validation.</summary>
    public bool Valid => Reason.Length == 0;

    /// <summary>
    /// Decides the record as the evolution loop does: a valid child is pending evaluation; a child validation rejects is
    /// archived as compile-failed or rejected; no child at all is archived with its first parent's code as crashed.
    /// </summary>
    public static MutateOutcome Of(
        string mutator, MutationResult mutation, ValidationResult? validation, string parentSource, IReadOnlyDictionary<string, TimeSpan> timings)
    {
        var record = new EvaluationRecord
        {
            Status = VariantStatus.Pending,
            Admitted = false,
            Mutator = mutator,
            MutationDescription = mutation.Description.Length > 0 ? mutation.Description : $"{mutator} mutation",
            InputTokens = mutation.InputTokens,
            OutputTokens = mutation.OutputTokens,
            CostUsd = mutation.CostUsd,
            Timings = timings,
            Diagnostics = Distinct([.. mutation.Diagnostics, .. validation?.Diagnostics ?? []]),
            Flags = mutation.Flags,
        };
        if (validation is null || mutation.ChildDirectory is null)
        {
            var reason = mutation.Reason.Length > 0 ? mutation.Reason : "the mutator wrote no child";
            return new MutateOutcome(mutation, null, parentSource, reason, record with
            {
                Status = VariantStatus.Crashed, Diagnostics = Distinct([reason, .. mutation.Diagnostics]), Flags = Distinct([.. mutation.Flags, "mutation-failed"]),
            });
        }

        if (validation.IsValid && mutation.Status == MutationStatus.Succeeded)
        {
            return new MutateOutcome(mutation, validation, mutation.ChildDirectory, "", record);
        }

        var why = mutation.Reason.Length > 0 ? mutation.Reason : "the child is invalid: " + validation.Summary;
        var flags = Distinct([.. mutation.Flags, .. validation.Flags]);
        return new MutateOutcome(mutation, validation, mutation.ChildDirectory, why, record with
        {
            Status = flags.Contains("compile-error") ? VariantStatus.CompileFailed : VariantStatus.Rejected,
            Diagnostics = Distinct([why, .. record.Diagnostics]),
            Flags = flags,
        });
    }

    private static List<string> Distinct(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal)];
}
