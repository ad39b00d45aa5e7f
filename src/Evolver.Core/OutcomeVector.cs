namespace Evolver.Core;

/// <summary>
/// A variant's per-task outcomes over a shared list of task ids, compact enough to hold for every variant in memory.
/// Each task is one letter: <c>R</c> resolved, <c>U</c> unresolved, <c>N</c> no change, <c>P</c> patch failed,
/// <c>T</c> test timeout, <c>H</c> harness error, <c>-</c> not run.
/// </summary>
public sealed class OutcomeVector
{
    private readonly string codes;

    /// <summary>Creates a vector; <paramref name="codes"/> may be shorter than <paramref name="taskIds"/> (the rest were not run).</summary>
    public OutcomeVector(IReadOnlyList<string> taskIds, string codes)
    {
        ArgumentNullException.ThrowIfNull(taskIds);
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Length > taskIds.Count)
        {
            throw new ArgumentException("More outcome codes than task ids.", nameof(codes));
        }

        TaskIds = taskIds;
        this.codes = codes;
    }

    /// <summary>The task ids the positions refer to, shared by all vectors read together.</summary>
    public IReadOnlyList<string> TaskIds { get; }

    /// <summary>The outcome letters, one per position; shorter than <see cref="TaskIds"/> when later tasks were not run.</summary>
    public string Codes => codes;

    /// <summary>The outcome of the task at <paramref name="index"/>, or null when it was not run.</summary>
    public TaskOutcome? this[int index] => index < codes.Length ? Decode(codes[index]) : null;

    /// <summary>Whether the task at <paramref name="index"/> was resolved.</summary>
    public bool IsResolved(int index) => index < codes.Length && codes[index] == 'R';

    /// <summary>How many tasks were resolved.</summary>
    public int ResolvedCount => codes.Count(c => c == 'R');

    /// <summary>The ids of the resolved tasks.</summary>
    public IEnumerable<string> ResolvedTasks
    {
        get
        {
            for (var i = 0; i < codes.Length; i++)
            {
                if (codes[i] == 'R')
                {
                    yield return TaskIds[i];
                }
            }
        }
    }

    /// <summary>The letter of <paramref name="outcome"/>.</summary>
    public static char Encode(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Resolved => 'R',
        TaskOutcome.Unresolved => 'U',
        TaskOutcome.NoChange => 'N',
        TaskOutcome.PatchFailed => 'P',
        TaskOutcome.TestTimeout => 'T',
        TaskOutcome.HarnessError => 'H',
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>The outcome of letter <paramref name="code"/>, or null for <c>-</c> (not run) and unknown letters.</summary>
    public static TaskOutcome? Decode(char code) => code switch
    {
        'R' => TaskOutcome.Resolved,
        'U' => TaskOutcome.Unresolved,
        'N' => TaskOutcome.NoChange,
        'P' => TaskOutcome.PatchFailed,
        'T' => TaskOutcome.TestTimeout,
        'H' => TaskOutcome.HarnessError,
        _ => null,
    };
}
