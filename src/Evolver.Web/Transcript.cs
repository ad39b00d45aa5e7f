namespace Evolver.Web;

/// <summary>A transcript file among a variant's logs (<c>llm/*.jsonl</c>, <c>llm-exchanges.json</c>) and its exchanges.</summary>
/// <param name="Path">The file's path in the logs.</param>
/// <param name="Entries">The exchanges, in order.</param>
/// <param name="Problem">Lines that could not be read, or null.</param>
internal sealed record Transcript(string Path, IReadOnlyList<TranscriptEntry> Entries, string? Problem);
