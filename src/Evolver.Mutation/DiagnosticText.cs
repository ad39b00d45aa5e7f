using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Evolver.Mutation;

/// <summary>Turns compiler diagnostics into the readable lines of an <see cref="AgentBuildResult"/>.</summary>
internal static class DiagnosticText
{
    /// <summary>
    /// Errors then warnings, each group ordered by file, line and column, as <c>path:line:column: severity id: message</c>
    /// (lines and columns from 1), cut to <paramref name="max"/> lines plus one line counting the rest.
    /// </summary>
    public static IReadOnlyList<string> Format(IEnumerable<Diagnostic> diagnostics, int max)
    {
        var shown = diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Select(d => (Diagnostic: d, Span: d.Location.GetMappedLineSpan()))
            .OrderByDescending(x => x.Diagnostic.Severity)
            .ThenBy(x => x.Span.Path, StringComparer.Ordinal)
            .ThenBy(x => x.Span.StartLinePosition.Line)
            .ThenBy(x => x.Span.StartLinePosition.Character)
            .ThenBy(x => x.Diagnostic.Id, StringComparer.Ordinal)
            .Select(x => Line(x.Diagnostic, x.Span))
            .ToList();
        if (shown.Count <= max)
        {
            return shown;
        }

        var rest = shown.Count - max;
        return [.. shown.Take(max), $"... and {rest} more diagnostic{(rest == 1 ? "" : "s")}"];
    }

    private static string Line(Diagnostic diagnostic, FileLinePositionSpan span)
    {
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var text = $"{severity} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
        return span.IsValid && span.Path.Length > 0
            ? $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: {text}"
            : text;
    }
}
