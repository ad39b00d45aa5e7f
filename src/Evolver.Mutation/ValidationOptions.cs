namespace Evolver.Mutation;

/// <summary>Settings of <see cref="AgentValidator"/>.</summary>
public sealed class ValidationOptions
{
    /// <summary>
    /// Largest total size of the agent folder's files (what its source tree archives: top-level <c>bin/</c>, <c>obj/</c>
    /// and hidden folders excluded), in bytes. Default 256 KiB: about ten times the seed agents.
    /// </summary>
    public long MaxSourceBytes { get; init; } = 256 * 1024;

    /// <summary>Most files the agent folder may hold, counted as for <see cref="MaxSourceBytes"/>. Default 64.</summary>
    public int MaxFiles { get; init; } = 64;

    /// <summary>
    /// Absolute paths an agent may name in file-system calls (the path itself or anything below it). Default: the task
    /// repository (<c>/repo</c>), scratch space (<c>/tmp</c>), <c>/dev/null</c>, the agent's own input file and report folder.
    /// </summary>
    public IReadOnlyList<string> AllowedPathRoots { get; init; } = ["/repo", "/tmp", "/dev/null", "/evolver/input.json", "/evolver-out"];

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSourceBytes, 1024, nameof(MaxSourceBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFiles, 1, nameof(MaxFiles));
        ArgumentNullException.ThrowIfNull(AllowedPathRoots, nameof(AllowedPathRoots));
        foreach (var root in AllowedPathRoots)
        {
            if (string.IsNullOrEmpty(root) || root[0] != '/' || (root.Length > 1 && root.EndsWith('/')))
            {
                throw new ArgumentException($"{nameof(AllowedPathRoots)}: '{root}' must be an absolute path without a trailing '/'", nameof(AllowedPathRoots));
            }
        }
    }
}
