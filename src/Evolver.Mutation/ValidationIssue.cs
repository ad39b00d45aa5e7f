namespace Evolver.Mutation;

/// <summary>One reason a child agent is rejected.</summary>
/// <param name="Kind">The rule broken.</param>
/// <param name="Message">What and where, as <c>path:line:column: message</c> when it has a place in the source.</param>
public sealed record ValidationIssue(ValidationIssueKind Kind, string Message)
{
    /// <summary>The archive's flag for <paramref name="kind"/>: <c>compile-error</c>, <c>protected-edit</c>, <c>banned-api</c> or <c>too-large</c>.</summary>
    public static string Flag(ValidationIssueKind kind) => kind switch
    {
        ValidationIssueKind.CompileError => "compile-error",
        ValidationIssueKind.ProtectedEdit => "protected-edit",
        ValidationIssueKind.BannedApi => "banned-api",
        ValidationIssueKind.TooLarge => "too-large",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The issue as one line: <c>flag: message</c>.</summary>
    public override string ToString() => $"{Flag(Kind)}: {Message}";
}
