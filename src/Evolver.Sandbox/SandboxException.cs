namespace Evolver.Sandbox;

/// <summary>The sandbox itself failed (engine unreachable, image missing, copy failed): a harness error, not the agent's.</summary>
public sealed class SandboxException : Exception
{
    /// <summary>Creates the exception with a message saying what failed and what to do.</summary>
    public SandboxException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public SandboxException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
