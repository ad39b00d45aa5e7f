namespace Evolver.Archive;

/// <summary>What <see cref="AgentArchive.Fsck"/> checked and found.</summary>
/// <param name="Variants">How many variant refs there are.</param>
/// <param name="Findings">Everything found wrong, repaired or not.</param>
public sealed record FsckReport(int Variants, IReadOnlyList<FsckFinding> Findings)
{
    /// <summary>Whether git, notes and index agree now: nothing was found, or all of it was repaired.</summary>
    public bool IsConsistent => Findings.All(f => f.Repaired);
}
