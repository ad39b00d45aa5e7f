namespace Evolver.Mutation;

/// <summary>Compiles a child with <see cref="AgentBuilder"/> (into a scratch folder that is then deleted) and, when it compiles, validates it against its parent.</summary>
internal sealed class ChildChecker(AgentBuilder builder, AgentValidator validator)
{
    public async Task<ChildCheck> CheckAsync(string child, string parent, IReadOnlyList<string> editProblems, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> editFlags = editProblems.Count > 0 ? ["edit-failed"] : [];
        var scratch = Path.Combine(Path.GetTempPath(), "evolver-child-build-" + Guid.NewGuid().ToString("N"));
        try
        {
            var build = await builder.BuildAsync(child, scratch, cancellationToken).ConfigureAwait(false);
            if (!build.Succeeded)
            {
                // Compiler errors read "path:line:col: error CS…" or "error CS…"; the builder's own read "error: …".
                var errors = build.Diagnostics.Where(d => d.StartsWith("error", StringComparison.Ordinal) || d.Contains(": error ", StringComparison.Ordinal)).ToList();
                return new ChildCheck(false, [.. editProblems, .. errors], build.Diagnostics, [.. editFlags, "compile-error"]);
            }
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        var validation = await validator.ValidateAsync(child, parent, cancellationToken).ConfigureAwait(false);
        return new ChildCheck(
            validation.IsValid,
            [.. editProblems, .. validation.Issues.Select(i => i.ToString())],
            [.. editProblems.Select(p => "edit-failed: " + p), .. validation.Diagnostics],
            [.. editFlags, .. validation.Flags]);
    }
}
