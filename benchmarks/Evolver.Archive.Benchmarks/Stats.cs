using System.Diagnostics;
using System.Globalization;

namespace Evolver.Archive.Benchmarks;

/// <summary>
/// Times operations and reports wall-clock median, 95th percentile and maximum, plus the median CPU time of the
/// process: on a shared machine the CPU figure is the one other load inflates least.
/// </summary>
internal sealed class Stats
{
    private readonly List<double> wall = [];
    private readonly List<double> cpu = [];

    public static async Task<string> MeasureAsync(int runs, Func<int, Task> operation)
    {
        var stats = new Stats();
        for (var i = 0; i < runs; i++)
        {
            await stats.TimeAsync(() => operation(i));
        }

        return stats.ToString();
    }

    public static Task<string> Measure(int runs, Action<int> operation) =>
        MeasureAsync(runs, i =>
        {
            operation(i);
            return Task.CompletedTask;
        });

    public static string Once(Action operation) => Measure(1, _ => operation()).GetAwaiter().GetResult();

    /// <summary>The 1-minute load average, where the OS tells it.</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    public async Task TimeAsync(Func<Task> operation)
    {
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await operation();
        wall.Add(watch.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds);
    }

    public void Time(Action operation) => TimeAsync(() =>
    {
        operation();
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    public override string ToString()
    {
        var w = wall.Order().ToList();
        var c = cpu.Order().ToList();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"wall median {w[w.Count / 2],7:0.0} ms  p95 {w[Math.Min(w.Count - 1, (int)(w.Count * 0.95))],7:0.0} ms  max {w[^1],7:0.0} ms | cpu median {c[c.Count / 2],7:0.0} ms | {w.Count} runs");
    }
}
