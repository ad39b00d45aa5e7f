namespace Evolver.Cli;

/// <summary>The command's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The command ran; for <c>eval</c>, whatever the agent scored.</summary>
    public const int Success = 0;

    /// <summary>The command ran and found a failure it reports, such as a suite failing validation.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments or invalid input (suite, agent source): nothing was run.</summary>
    public const int Usage = 2;

    /// <summary>The harness failed: no Docker engine, an image could not be built, a task ended in a harness error.</summary>
    public const int HarnessError = 3;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
