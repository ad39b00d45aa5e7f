namespace Evolver.Web;

/// <summary>One file of a side-by-side diff.</summary>
/// <param name="OldPath">The path before, or null for a new file.</param>
/// <param name="NewPath">The path after, or null for a deleted file.</param>
/// <param name="Change"><c>added</c>, <c>deleted</c>, <c>modified</c> or <c>renamed</c>.</param>
/// <param name="Binary">Whether git saw a binary file (no rows then).</param>
/// <param name="Added">Lines added.</param>
/// <param name="Deleted">Lines deleted.</param>
/// <param name="Rows">The rows, hunk by hunk.</param>
internal sealed record DiffFile(string? OldPath, string? NewPath, string Change, bool Binary, int Added, int Deleted, IReadOnlyList<DiffRow> Rows);
