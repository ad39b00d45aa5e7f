using Serilog.Core;
using Serilog.Events;

namespace Evolver.Cli;

/// <summary>Writes log events as one plain line each to a writer (the command's standard error).</summary>
internal sealed class ErrorWriterSink(TextWriter writer) : ILogEventSink
{
    private readonly Lock gate = new();

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        var level = logEvent.Level >= LogEventLevel.Error ? "error" : "warning";
        // One line per event on the terminal; multi-line details (tool output) stay in the JSON log.
        var line = $"{level}: {EvaluationView.Brief(logEvent.RenderMessage(), 300)}";
        if (logEvent.Exception is { } e)
        {
            line += $" ({e.GetType().Name}: {EvaluationView.Brief(e.Message, 300)})";
        }

        lock (gate)
        {
            writer.WriteLine(line);
        }
    }
}
