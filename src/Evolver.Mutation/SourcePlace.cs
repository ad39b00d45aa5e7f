using Microsoft.CodeAnalysis;

namespace Evolver.Mutation;

/// <summary>Formats a source location the way <see cref="DiagnosticText"/> does: <c>path:line:column</c>, from 1.</summary>
internal static class SourcePlace
{
    public static string Of(Location location)
    {
        var span = location.GetLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}";
    }
}
