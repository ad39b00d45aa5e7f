namespace Evolver.Sandbox;

/// <summary>A process to run inside a sandbox container.</summary>
internal sealed record ExecRequest
{
    /// <summary>Agent and test processes run as this unprivileged user.</summary>
    public const string AgentUser = "1000:1000";

    /// <summary>The harness's own steps run as root (with no capabilities).</summary>
    public const string RootUser = "0:0";

    /// <summary>Command and arguments.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>uid:gid to run as.</summary>
    public string User { get; init; } = RootUser;

    /// <summary>Environment variables, NAME=value.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>Working directory.</summary>
    public string WorkingDir { get; init; } = "/";

    /// <summary>Bytes written to the process's stdin, then closed; null for none.</summary>
    public byte[]? Stdin { get; init; }

    /// <summary>Stopped after this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Output bytes kept.</summary>
    public long OutputLimit { get; init; } = 1L << 20;

    /// <summary>True to stop the process when it prints more than <see cref="OutputLimit"/>; false to drain and drop the excess.</summary>
    public bool StopOnOutputLimit { get; init; }
}
