namespace Evolver.Sandbox;

/// <summary>How a process run inside a container ended.</summary>
/// <param name="ExitCode">Its exit code, or null when it was stopped by the harness.</param>
/// <param name="Output">The kept output (stdout and stderr interleaved), cut to the cap.</param>
/// <param name="TotalBytes">Every byte it printed, kept or not.</param>
/// <param name="TimedOut">It ran past its time limit.</param>
/// <param name="OutputLimitHit">It printed more than its cap.</param>
internal sealed record ExecResult(long? ExitCode, BoundedOutput Output, long TotalBytes, bool TimedOut, bool OutputLimitHit);
