namespace Evolver.Web;

/// <summary>The run an archive holds, from its saved state: shown in the header, so an analyst sees whether it is still going.</summary>
internal sealed record RunInfo(string RunId, string Status, string? EndedBy, long Iterations, bool Active, DateTimeOffset UpdatedAt);
