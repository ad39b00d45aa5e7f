namespace Evolver.Agents.Sdk;

/// <summary>The result of a shell command run by an agent.</summary>
/// <param name="ExitCode">The exit code, or -1 when the command timed out.</param>
/// <param name="Output">Combined stdout and stderr, cut to the requested size.</param>
/// <param name="TimedOut">True when the command was killed at its timeout.</param>
/// <param name="Truncated">True when output beyond the cap was dropped.</param>
public sealed record ShellResult(int ExitCode, string Output, bool TimedOut, bool Truncated);
