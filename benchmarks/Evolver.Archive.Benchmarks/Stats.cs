using System.Diagnostics;
using System.Globalization;

namespace Evolver.Archive.Benchmarks;

/// <summary>
/// Runs an operation several times and reports wall-clock median, 95th percentile and maximum, plus the median
/// CPU time of the process: on a shared machine the CPU figure is the one other load does not inflate.
/// </summary>
internal static class Stats
{
    public static async Task<string> MeasureAsync(int runs, Func<int, Task> operation)
    {
        var wall = new List<double>(runs);
        var cpu = new List<double>(runs);
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await operation(i);
            wall.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds);
        }

        wall.Sort();
        cpu.Sort();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"wall median {wall[runs / 2],7:0.0} ms  p95 {wall[Math.Min(runs - 1, (int)(runs * 0.95))],7:0.0} ms  max {wall[^1],7:0.0} ms | cpu median {cpu[runs / 2],7:0.0} ms | {runs} runs");
    }

    public static Task<string> Measure(int runs, Action<int> operation) =>
        MeasureAsync(runs, i =>
        {
            operation(i);
            return Task.CompletedTask;
        });

    public static string Once(Action operation) =>
        MeasureAsync(1, _ =>
        {
            operation();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary>The 1-minute load average, where the OS tells it.</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
