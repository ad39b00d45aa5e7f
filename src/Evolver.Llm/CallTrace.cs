namespace Evolver.Llm;

/// <summary>
/// What the HTTP handlers saw during one exchange: attempts, retry delays, the last status. It flows with the async
/// call through an <see cref="AsyncLocal{T}"/>, because SK and the OpenAI client sit between the caller and the handlers.
/// </summary>
internal sealed class CallTrace
{
    private static readonly AsyncLocal<CallTrace?> CurrentTrace = new();
    private readonly List<TimeSpan> delays = [];
    private readonly object gate = new();

    /// <summary>The trace of the exchange running on this async flow, if one was started.</summary>
    public static CallTrace? Current => CurrentTrace.Value;

    public int Attempts { get; private set; }

    public int? LastStatus { get; private set; }

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (gate)
            {
                return [.. delays];
            }
        }
    }

    /// <summary>Starts a trace for the calling async flow and whatever it awaits.</summary>
    public static CallTrace Begin()
    {
        var trace = new CallTrace();
        CurrentTrace.Value = trace;
        return trace;
    }

    public void Attempted()
    {
        lock (gate)
        {
            Attempts++;
        }
    }

    public void Answered(int status)
    {
        lock (gate)
        {
            LastStatus = status;
        }
    }

    public void Delayed(TimeSpan delay)
    {
        lock (gate)
        {
            delays.Add(delay);
        }
    }
}
