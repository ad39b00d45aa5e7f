using System.Text;
using Docker.DotNet.Models;

namespace Evolver.Sandbox;

/// <summary>
/// Collects one image build's output (the engine's JSON messages and host tool lines), forwards it line by line to the
/// caller's progress, and remembers the current build step's output so a failure can say what broke.
/// </summary>
internal sealed class BuildLog : IProgress<JSONMessage>
{
    private const int KeptLines = 60;
    private readonly string tag;
    private readonly IProgress<string>? progress;
    private readonly Queue<string> stepLines = new();
    private readonly object gate = new();

    public BuildLog(string tag, IProgress<string>? progress)
    {
        this.tag = tag;
        this.progress = progress;
    }

    /// <summary>The last "Step n/m : ..." line the engine printed, if any.</summary>
    public string? CurrentStep { get; private set; }

    /// <summary>The first error the engine reported, if any.</summary>
    public string? Error { get; private set; }

    /// <summary>Lines printed by the engine's build steps (0 on a cache hit).</summary>
    public int StepCount { get; private set; }

    /// <summary>The image id the engine reported in an aux message, if any.</summary>
    public string? ImageId { get; private set; }

    public void Report(JSONMessage value)
    {
        if (value.Error?.Message is { Length: > 0 } detail)
        {
            Error ??= detail;
        }
        else if (value.ErrorMessage is { Length: > 0 } error)
        {
            Error ??= error;
        }

        if (value.Aux?.ExtensionData?.TryGetValue("ID", out var id) == true)
        {
            ImageId ??= id?.ToString();
        }

        var text = value.Stream ?? (value.Status is { Length: > 0 } s ? (value.ID is { Length: > 0 } i ? $"{i}: {s}" : s) : null);
        foreach (var line in (text ?? "").Split('\n'))
        {
            Line(line);
        }

        if (value.Error?.Message is { Length: > 0 } || value.ErrorMessage is { Length: > 0 })
        {
            progress?.Report($"{tag}: error: {Error}");
        }
    }

    /// <summary>Records one line of host tool or engine output.</summary>
    public void Line(string line)
    {
        line = line.TrimEnd('\r', ' ');
        if (line.Length == 0)
        {
            return;
        }

        lock (gate)
        {
            if (line.StartsWith("Step ", StringComparison.Ordinal) && line.Contains(" : ", StringComparison.Ordinal))
            {
                CurrentStep = line;
                StepCount++;
                stepLines.Clear();
            }
            else if (!IsEngineChatter(line))
            {
                stepLines.Enqueue(line);
                if (stepLines.Count > KeptLines)
                {
                    stepLines.Dequeue();
                }
            }
        }

        progress?.Report($"{tag}: {line}");
    }

    /// <summary>Reports a line to the caller without keeping it as step output.</summary>
    public void Note(string line) => progress?.Report($"{tag}: {line}");

    // The legacy builder's own bookkeeping lines say nothing about why a step failed.
    private static bool IsEngineChatter(string line) =>
        line.StartsWith(" ---> ", StringComparison.Ordinal)
        || line.StartsWith("Removing intermediate container ", StringComparison.Ordinal)
        || line.StartsWith("Successfully ", StringComparison.Ordinal);

    /// <summary>A failure message naming the image, the failing step and that step's last output lines.</summary>
    public string Failure(string what)
    {
        var text = new StringBuilder($"building {tag} failed");
        if (CurrentStep is not null)
        {
            text.Append(" at ").Append(CurrentStep);
        }

        text.Append(": ").Append(Error ?? what);
        lock (gate)
        {
            if (stepLines.Count > 0)
            {
                text.Append("\n--- last output of that step ---\n").AppendJoin('\n', stepLines);
            }
        }

        return text.ToString();
    }
}
