using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Evolver.Cli;

/// <summary>The log of one command run: every event as JSON in its own file, warnings and errors also on standard error.</summary>
internal sealed class CliLogging : IDisposable
{
    private readonly Logger logger;

    private CliLogging(Logger logger, string file)
    {
        this.logger = logger;
        FilePath = file;
    }

    /// <summary>The logger commands and the sandbox write to.</summary>
    public ILogger Logger => logger;

    /// <summary>The JSON log file of this run.</summary>
    public string FilePath { get; }

    /// <summary>Starts the log of a <paramref name="verb"/> run under <c>.evolver/logs/</c> of the working directory.</summary>
    public static CliLogging Start(CliEnvironment env, string verb)
    {
        var dir = Path.Combine(env.WorkingDirectory, ".evolver", "logs");
        Directory.CreateDirectory(dir);
        var stamp = env.Time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.Combine(dir, $"{verb}-{stamp}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}.json");
        var logger = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.WithProperty("Verb", verb)
            .WriteTo.File(new CompactJsonFormatter(), file)
            .WriteTo.Sink(new ErrorWriterSink(env.Error), LogEventLevel.Warning)
            .CreateLogger();
        return new CliLogging(logger, file);
    }

    /// <summary>Flushes and closes the log file.</summary>
    public void Dispose() => logger.Dispose();
}
