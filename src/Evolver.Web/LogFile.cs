namespace Evolver.Web;

/// <summary>A file among a variant's archived logs: its path there and its size in bytes.</summary>
internal sealed record LogFile(string Path, long Size);
