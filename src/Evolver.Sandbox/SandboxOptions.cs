namespace Evolver.Sandbox;

/// <summary>Limits and settings of the Docker sandbox. Defaults suit a 2-core, 8+ GiB machine.</summary>
public sealed class SandboxOptions
{
    /// <summary>CPUs each container may use. Default 1.</summary>
    public double Cpus { get; set; } = 1.0;

    /// <summary>Memory cap of each container, swap included. Default 2 GiB.</summary>
    public long MemoryBytes { get; set; } = 2L << 30;

    /// <summary>Process and thread cap of each container. Default 512 (a .NET build needs a few hundred threads).</summary>
    public long PidsLimit { get; set; } = 512;

    /// <summary>Bytes of stdout and stderr an agent may print before it is stopped. Default 1 MiB.</summary>
    public long AgentOutputLimitBytes { get; set; } = 1L << 20;

    /// <summary>Bytes of test output kept for parsing; more is drained and dropped. Default 8 MiB.</summary>
    public long TestOutputLimitBytes { get; set; } = 8L << 20;

    /// <summary>Largest diff taken from an agent's repository. Default 4 MiB.</summary>
    public long PatchLimitBytes { get; set; } = 4L << 20;

    /// <summary>Size of the in-memory /repo file system. Default 1 GiB.</summary>
    public long RepoSizeBytes { get; set; } = 1L << 30;

    /// <summary>Size of the in-memory /tmp file system. Default 512 MiB.</summary>
    public long TmpSizeBytes { get; set; } = 512L << 20;

    /// <summary>Caps every task's agent time; null keeps each task's own <c>agent_seconds</c>. Default null.</summary>
    public int? MaxAgentSeconds { get; set; }

    /// <summary>Started, unused containers kept ready per image, so tasks skip container start-up. 0 turns this off. Default 2.</summary>
    public int WarmContainers { get; set; } = 2;

    /// <summary>
    /// Prepare each task's scoring container (a fresh one with the clean repository copied in from the host) while its
    /// agent runs, so scoring starts at once. Default true.
    /// </summary>
    public bool PrepareScoringContainers { get; set; } = true;

    /// <summary>Labels every container; the reaper removes labelled containers whose owning process is gone. Default "evolver".</summary>
    public string LabelPrefix { get; set; } = "evolver";

    /// <summary>
    /// The host folder holding the LLM gateway's Unix socket; when set, it is bind-mounted read-only at
    /// <see cref="GatewayContainerDirectory"/> into every solve container (never into scoring containers), the only way
    /// out of a container that has no network. Null: no gateway. Default null.
    /// </summary>
    public string? GatewaySocketDirectory { get; set; }

    /// <summary>Where solve containers see <see cref="GatewaySocketDirectory"/>. Default <c>/evolver-gateway</c>.</summary>
    public string GatewayContainerDirectory { get; set; } = "/evolver-gateway";

    /// <summary>Where image definitions and host inputs come from; null for the defaults (the repository's docker/ folder).</summary>
    public ImageBuildOptions? Images { get; set; }

    /// <summary>Checks the options once at start-up.</summary>
    /// <returns>Problems found, each naming the option; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Cpus is <= 0 or > 64)
        {
            problems.Add($"Cpus must be in (0, 64], got {Cpus}");
        }

        if (MemoryBytes < 64L << 20)
        {
            problems.Add($"MemoryBytes must be at least 64 MiB, got {MemoryBytes}");
        }

        if (PidsLimit < 16)
        {
            problems.Add($"PidsLimit must be at least 16, got {PidsLimit}");
        }

        foreach (var (name, value) in new[]
        {
            (nameof(AgentOutputLimitBytes), AgentOutputLimitBytes), (nameof(TestOutputLimitBytes), TestOutputLimitBytes),
            (nameof(PatchLimitBytes), PatchLimitBytes), (nameof(RepoSizeBytes), RepoSizeBytes), (nameof(TmpSizeBytes), TmpSizeBytes),
        })
        {
            if (value < 4096)
            {
                problems.Add($"{name} must be at least 4096 bytes, got {value}");
            }
        }

        if (WarmContainers is < 0 or > 64)
        {
            problems.Add($"WarmContainers must be from 0 to 64, got {WarmContainers}");
        }

        if (MaxAgentSeconds is < 1)
        {
            problems.Add($"MaxAgentSeconds must be at least 1, got {MaxAgentSeconds}");
        }

        if (string.IsNullOrWhiteSpace(LabelPrefix) || LabelPrefix.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-')))
        {
            problems.Add("LabelPrefix must be ASCII letters, digits, '.' or '-'");
        }

        if (GatewaySocketDirectory is not null && !Path.IsPathFullyQualified(GatewaySocketDirectory))
        {
            problems.Add($"GatewaySocketDirectory '{GatewaySocketDirectory}' must be an absolute host path");
        }

        if (!GatewayContainerDirectory.StartsWith('/') || GatewayContainerDirectory.Length < 2)
        {
            problems.Add($"GatewayContainerDirectory '{GatewayContainerDirectory}' must be an absolute container path other than /");
        }

        if (Images is not null)
        {
            problems.AddRange(Images.Validate().Select(p => "Images: " + p));
        }

        return problems;
    }
}
