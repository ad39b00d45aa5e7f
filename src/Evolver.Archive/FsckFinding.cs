namespace Evolver.Archive;

/// <summary>One thing <see cref="AgentArchive.Fsck"/> found, and whether it was repaired.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Subject">What it is about: a variant id, ref, commit or file.</param>
/// <param name="Message">The finding, for people.</param>
/// <param name="Repaired">Whether fsck repaired it.</param>
public sealed record FsckFinding(FsckFindingKind Kind, string Subject, string Message, bool Repaired);
