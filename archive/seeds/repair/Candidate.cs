/// <summary>One candidate patch: a line of a file replaced by new text (which may add lines, or be empty to delete it).</summary>
/// <param name="File">The file, relative to the repository.</param>
/// <param name="Line">The 0-based line index.</param>
/// <param name="Text">The new text of the line.</param>
/// <param name="Template">The repair template that made it.</param>
internal sealed record Candidate(string File, int Line, string Text, string Template)
{
    /// <summary>For logs and the report: <c>file:line (template): new text</c>.</summary>
    public string Describe() => $"{File}:{Line + 1} ({Template}): {Text.Trim().ReplaceLineEndings(" / ")}";
}
