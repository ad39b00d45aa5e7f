namespace Evolver.Mutation;

/// <summary>What checking a child found.</summary>
/// <param name="Valid">True when the child compiled and passed validation (edits that failed to apply aside).</param>
/// <param name="Problems">Everything to fix, one line each: edits that did not apply, compile errors, validation issues.</param>
/// <param name="Diagnostics">The compiler's and the validator's diagnostics, for the archive.</param>
/// <param name="Flags">The archive's flags for the problems (<c>compile-error</c>, <c>protected-edit</c>, <c>edit-failed</c>, ...).</param>
internal sealed record ChildCheck(bool Valid, IReadOnlyList<string> Problems, IReadOnlyList<string> Diagnostics, IReadOnlyList<string> Flags);
