namespace Evolver.Mutation;

/// <summary>The verdict on a child agent: valid, or rejected with every reason found.</summary>
/// <param name="Issues">Every reason to reject the child, in rule order (size, compile errors, protected code, banned APIs); empty when valid.</param>
/// <param name="CompilerDiagnostics">The compiler's errors and warnings, formatted as <see cref="AgentBuildResult.Diagnostics"/>.</param>
/// <param name="Elapsed">How long validation took.</param>
public sealed record ValidationResult(IReadOnlyList<ValidationIssue> Issues, IReadOnlyList<string> CompilerDiagnostics, TimeSpan Elapsed)
{
    /// <summary>True when no rule is broken.</summary>
    public bool IsValid => Issues.Count == 0;

    /// <summary>The distinct flags of the issues, for <c>EvaluationRecord.Flags</c>.</summary>
    public IReadOnlyList<string> Flags => Issues.Select(i => ValidationIssue.Flag(i.Kind)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The issues, then the compiler's warnings, one per entry, for <c>EvaluationRecord.Diagnostics</c>.</summary>
    public IReadOnlyList<string> Diagnostics =>
        [.. Issues.Select(i => i.ToString()), .. CompilerDiagnostics.Where(d => !Issues.Any(i => i.Kind == ValidationIssueKind.CompileError && i.Message == d))];

    /// <summary>A one-line summary: <c>valid</c>, or the count of issues per flag and the first issue.</summary>
    public string Summary => IsValid
        ? "valid"
        : "rejected: " + string.Join(", ", Issues.GroupBy(i => ValidationIssue.Flag(i.Kind)).Select(g => $"{g.Count()} {g.Key}")) + "; first: " + Issues[0].Message;

    /// <summary>The issues, one per line, for a log or an LLM repair prompt.</summary>
    public string Describe() => string.Join(Environment.NewLine, Issues);
}
