namespace Evolver.Web;

/// <summary>What <c>/api/variants/{id}/diff</c> returns: the code change from <see cref="From"/> to <see cref="To"/>, side by side.</summary>
/// <param name="From">The variant compared against: the first parent by default; null for a seed (its whole code is new) or an orphan.</param>
/// <param name="To">The variant.</param>
/// <param name="Files">The changed files.</param>
/// <param name="Truncated">Whether rows were left out because the diff is very large.</param>
internal sealed record DiffView(string? From, string To, IReadOnlyList<DiffFile> Files, bool Truncated);
