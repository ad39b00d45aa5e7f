namespace Evolver.Core;

/// <summary>One problem found while loading a suite: the file, the field and what is wrong.</summary>
/// <param name="File">Path of the offending file or folder.</param>
/// <param name="Field">JSON field or part of the layout, or null when the whole file is at fault.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record TaskProblem(string File, string? Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Field is null ? $"{File}: {Message}" : $"{File}: field '{Field}': {Message}";
}
