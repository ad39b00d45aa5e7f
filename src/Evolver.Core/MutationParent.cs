namespace Evolver.Core;

/// <summary>One parent of a mutation: its source and what is known about it.</summary>
/// <param name="SourceDirectory">The parent agent's complete source folder; read-only to the mutator.</param>
/// <param name="Id">The parent's variant id, or null for a folder outside the archive (a seed on disk).</param>
/// <param name="Evaluation">The parent's evaluation record, or null when it has not been evaluated.</param>
/// <param name="LogsDirectory">A folder holding the parent's evaluation logs, or null when there are none.</param>
public sealed record MutationParent(string SourceDirectory, string? Id = null, EvaluationRecord? Evaluation = null, string? LogsDirectory = null);
