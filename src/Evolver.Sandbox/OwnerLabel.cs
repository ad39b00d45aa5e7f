using System.Diagnostics;

namespace Evolver.Sandbox;

/// <summary>Identifies the harness process that owns a container, so a reaper can tell live owners from dead ones.</summary>
internal static class OwnerLabel
{
    /// <summary>This process: host name, pid and start time (which tells a reused pid from the original).</summary>
    public static string Current { get; } = Format(Environment.MachineName, Environment.ProcessId, StartTicks(Process.GetCurrentProcess()));

    /// <summary>True when <paramref name="label"/> names a process on this host that is no longer running.</summary>
    public static bool IsDeadLocalOwner(string? label)
    {
        var parts = label?.Split('/');
        if (parts is not { Length: 3 } || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], out var pid) || !long.TryParse(parts[2], out var ticks))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return StartTicks(process) != ticks;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static string Format(string host, int pid, long ticks) => $"{host}/{pid}/{ticks}";

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond;
}
