using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Evolver.Cli;

/// <summary>The JSON log of one session of a run, inside the archive (<c>run/log-&lt;time&gt;-&lt;pid&gt;.json</c>); warnings also go to standard error.</summary>
internal sealed class RunLog : IDisposable
{
    private readonly Logger logger;

    private RunLog(Logger logger, string file)
    {
        this.logger = logger;
        FilePath = file;
    }

    public ILogger Logger => logger;

    public string FilePath { get; }

    public static RunLog Start(CliEnvironment env, string runDirectory, string verb)
    {
        Directory.CreateDirectory(runDirectory);
        var stamp = env.Time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.Combine(runDirectory, $"log-{stamp}-{Environment.ProcessId}.json");
        var logger = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.WithProperty("Verb", verb)
            .WriteTo.File(new CompactJsonFormatter(), file, flushToDiskInterval: TimeSpan.FromSeconds(2))
            .WriteTo.Sink(new ErrorWriterSink(env.Error), LogEventLevel.Warning)
            .CreateLogger();
        return new RunLog(logger, file);
    }

    public void Dispose() => logger.Dispose();
}
