namespace Evolver.Sandbox.Benchmarks;

/// <summary>
/// A cgroup v1 CPU group for the bare runs, made a sibling of the sandbox's containers under the engine's <c>docker</c>
/// group with the same weight. Without it, on a machine loaded by other work, every container counts for the
/// scheduler as one thread next to each host thread, while a bare multi-threaded run counts each of its threads:
/// the comparison would measure the load, not the sandbox.
/// </summary>
internal sealed class BareCgroup : IDisposable
{
    private const string DockerCpu = "/sys/fs/cgroup/cpu/docker";

    private BareCgroup(string path) => Path = path;

    /// <summary>The group's folder.</summary>
    public string Path { get; }

    /// <summary>Creates the group, or returns null (with the reason) where cgroup v1's docker CPU group is not writable.</summary>
    public static BareCgroup? TryCreate(out string why)
    {
        var path = System.IO.Path.Combine(DockerCpu, $"evolver-bench-bare-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(path);
            File.WriteAllText(System.IO.Path.Combine(path, "cpu.shares"), "1024");
            why = "";
            return new BareCgroup(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            why = $"{DockerCpu} is not writable here ({e.Message})";
            return null;
        }
    }

    /// <summary>A shell prefix that moves the shell into the group before it runs the command, so every child is in it too.</summary>
    public string Enter => $"echo $$ > {System.IO.Path.Combine(Path, "cgroup.procs")} && ";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path);
        }
        catch (IOException)
        {
            // A straggling process still holds it; the kernel frees it when that exits and someone removes the folder.
        }
    }
}
