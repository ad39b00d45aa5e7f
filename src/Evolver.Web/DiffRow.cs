namespace Evolver.Web;

/// <summary>
/// One row of a side-by-side diff: <c>hunk</c> (the <c>@@</c> header in <see cref="Left"/>), <c>context</c> (same line on
/// both sides), <c>change</c> (a deleted line beside the added line that replaced it), <c>delete</c> or <c>add</c>.
/// </summary>
internal sealed record DiffRow(string Kind, int? LeftNo, string? Left, int? RightNo, string? Right);
