namespace Evolver.Core;

/// <summary>
/// Counts what a run uses against its <see cref="BudgetOptions"/> and answers whether another child, task run or LLM
/// call may start; safe to share between workers. The first time a run budget says no, it is remembered as the one that
/// ended the run (<see cref="EndedBy"/>). The counts save to JSON (<see cref="SaveState"/>) for the run state, and
/// <see cref="Restore"/> continues them exactly, including the children and task runs that were still running.
/// </summary>
public sealed class BudgetTracker
{
    private readonly Lock gate = new();
    private readonly BudgetOptions options;
    private readonly TimeProvider time;
    private readonly BudgetState state;
    private readonly TimeSpan elapsedBefore;
    private readonly long sessionStart;

    /// <summary>A tracker for a new run; its wall clock starts now.</summary>
    /// <param name="options">The budgets; validated here.</param>
    /// <param name="timeProvider">The clock; tests pass a manual one.</param>
    public BudgetTracker(BudgetOptions options, TimeProvider timeProvider)
        : this(options, timeProvider, new BudgetState())
    {
    }

    private BudgetTracker(BudgetOptions options, TimeProvider timeProvider, BudgetState state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        this.options = options;
        time = timeProvider;
        this.state = state;
        elapsedBefore = state.Elapsed;
        sessionStart = time.GetTimestamp();
    }

    /// <summary>The run budget that ended the run, e.g. <c>run.iterations</c>, or null while none has.</summary>
    public string? EndedBy
    {
        get
        {
            lock (gate)
            {
                return state.EndedBy;
            }
        }
    }

    /// <summary>What the run has used so far.</summary>
    public BudgetUsage Usage
    {
        get
        {
            lock (gate)
            {
                return new BudgetUsage
                {
                    Iterations = state.Iterations, TaskRuns = state.TaskRuns, LlmTokens = state.LlmTokens, Dollars = state.Dollars,
                    Elapsed = Elapsed(), RunningChildren = state.Children.Count, EndedBy = state.EndedBy,
                };
            }
        }
    }

    /// <summary>
    /// A tracker that continues a saved run: the counts, the elapsed time (its wall clock resumes from there; the time
    /// the run was not running does not count) and the running children and task runs. Throws
    /// <see cref="FormatException"/> when <paramref name="stateJson"/> is not a saved state.
    /// </summary>
    public static BudgetTracker Restore(BudgetOptions options, TimeProvider timeProvider, string stateJson)
    {
        ArgumentNullException.ThrowIfNull(stateJson);
        return new BudgetTracker(options, timeProvider, BudgetState.FromJson(stateJson));
    }

    /// <summary>The counts as JSON, for the run state.</summary>
    public string SaveState()
    {
        lock (gate)
        {
            state.Elapsed = Elapsed();
            return state.ToJson();
        }
    }

    /// <summary>Whether a run budget still allows another child, without starting one.</summary>
    public BudgetCheck CanStartChild()
    {
        lock (gate)
        {
            return Deny(Exceeded("run", options.Run, state.Iterations, Elapsed(), state.TaskRuns, state.LlmTokens, state.Dollars));
        }
    }

    /// <summary>
    /// Starts child <paramref name="childId"/> and counts one iteration if the run's budgets allow. Starting a child
    /// that is already running (a resumed run redoing it) is allowed and counts nothing.
    /// </summary>
    public BudgetCheck TryStartChild(string childId)
    {
        ArgumentNullException.ThrowIfNull(childId);
        lock (gate)
        {
            if (state.Children.ContainsKey(childId))
            {
                return BudgetCheck.Ok;
            }

            var now = Elapsed();
            var check = Deny(Exceeded("run", options.Run, state.Iterations, now, state.TaskRuns, state.LlmTokens, state.Dollars));
            if (check.Allowed)
            {
                state.Iterations++;
                state.Children[childId] = new ChildUsage { StartedAt = now };
            }

            return check;
        }
    }

    /// <summary>
    /// Starts a task run of a running child and counts it if the run's and the child's budgets allow. Starting a task
    /// run that is already running (a resumed run redoing it) is allowed and counts nothing.
    /// </summary>
    public BudgetCheck TryStartTaskRun(string childId, string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        lock (gate)
        {
            var child = OpenChild(childId);
            if (child.Tasks.ContainsKey(taskId))
            {
                return BudgetCheck.Ok;
            }

            var now = Elapsed();
            var check = Deny(
                Exceeded("run", options.Run, null, now, state.TaskRuns, state.LlmTokens, state.Dollars)
                ?? Exceeded("child", options.PerChild, null, now - child.StartedAt, child.TaskRuns, child.LlmTokens, child.Dollars));
            if (check.Allowed)
            {
                state.TaskRuns++;
                child.TaskRuns++;
                child.Tasks[taskId] = new TaskUsage { StartedAt = now };
            }

            return check;
        }
    }

    /// <summary>Ends a task run; its usage stays counted in the child's and the run's.</summary>
    public void FinishTaskRun(string childId, string taskId)
    {
        lock (gate)
        {
            OpenChild(childId).Tasks.Remove(taskId);
        }
    }

    /// <summary>Ends a child; its usage stays counted in the run's.</summary>
    public void FinishChild(string childId)
    {
        lock (gate)
        {
            state.Children.Remove(childId);
        }
    }

    /// <summary>Whether the run's, the child's (when given) and the task run's (when given) budgets allow another LLM call.</summary>
    /// <param name="childId">A running child, or null for a call of the run's own (a seed's task run): the run's budgets only.</param>
    /// <param name="taskId">A running task run of the child, or null for a call outside any task (the mutation's).</param>
    public BudgetCheck CanCallLlm(string? childId, string? taskId = null)
    {
        lock (gate)
        {
            var child = childId is null ? null : OpenChild(childId);
            var task = taskId is null || child is null ? null : OpenTask(child, childId!, taskId);
            var now = Elapsed();
            return Deny(
                Exceeded("run", options.Run, null, now, null, state.LlmTokens, state.Dollars)
                ?? (child is null ? null : Exceeded("child", options.PerChild, null, now - child.StartedAt, null, child.LlmTokens, child.Dollars))
                ?? (task is null ? null : Exceeded("task", options.PerTask, null, now - task.StartedAt, null, task.LlmTokens, task.Dollars)));
        }
    }

    /// <summary>Counts what an LLM call used against the run, and the child and the task run when given (null: the run's alone).</summary>
    public void RecordLlmUsage(string? childId, string? taskId, long tokens, double dollars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        if (!(dollars >= 0) || !double.IsFinite(dollars))
        {
            throw new ArgumentOutOfRangeException(nameof(dollars), dollars, "Dollars must be a finite amount of 0 or more.");
        }

        lock (gate)
        {
            var child = childId is null ? null : OpenChild(childId);
            var task = taskId is null || child is null ? null : OpenTask(child, childId!, taskId);
            state.LlmTokens += tokens;
            state.Dollars += dollars;
            if (child is not null)
            {
                child.LlmTokens += tokens;
                child.Dollars += dollars;
            }

            if (task is not null)
            {
                task.LlmTokens += tokens;
                task.Dollars += dollars;
            }
        }
    }

    /// <summary>
    /// The wall-clock time left before the nearest of the run's, the child's and the task run's wall-clock budgets,
    /// never below zero; null when none of them is limited. Use it to cap a task's timeout.
    /// </summary>
    public TimeSpan? TimeLeft(string? childId = null, string? taskId = null)
    {
        lock (gate)
        {
            var now = Elapsed();
            var child = childId is null ? null : OpenChild(childId);
            var task = taskId is null || child is null ? null : OpenTask(child, childId!, taskId);
            TimeSpan?[] left =
            [
                options.Run.WallClock - now,
                child is null ? null : options.PerChild.WallClock - (now - child.StartedAt),
                task is null ? null : options.PerTask.WallClock - (now - task.StartedAt),
            ];
            var nearest = left.Where(l => l is not null).Min();
            return nearest is { } n && n < TimeSpan.Zero ? TimeSpan.Zero : nearest;
        }
    }

    private TimeSpan Elapsed() => elapsedBefore + time.GetElapsedTime(sessionStart);

    private BudgetCheck Deny(string? budget)
    {
        var check = new BudgetCheck(budget);
        if (check.EndsRun)
        {
            state.EndedBy ??= budget;
        }

        return check;
    }

    private ChildUsage OpenChild(string childId)
    {
        ArgumentNullException.ThrowIfNull(childId);
        return state.Children.TryGetValue(childId, out var child)
            ? child
            : throw new InvalidOperationException($"Child '{childId}' is not running; start it with TryStartChild first.");
    }

    private static TaskUsage OpenTask(ChildUsage child, string childId, string taskId) =>
        child.Tasks.TryGetValue(taskId, out var task)
            ? task
            : throw new InvalidOperationException($"Task '{taskId}' of child '{childId}' is not running; start it with TryStartTaskRun first.");

    /// <summary>The first limit of <paramref name="limits"/> that the usage has reached; null arguments are not checked.</summary>
    private static string? Exceeded(string scope, BudgetLimits limits, int? iterations, TimeSpan elapsed, int? taskRuns, long tokens, double dollars)
    {
        if (iterations >= limits.Iterations)
        {
            return scope + ".iterations";
        }

        if (elapsed >= limits.WallClock)
        {
            return scope + ".wall_clock";
        }

        if (taskRuns >= limits.TaskRuns)
        {
            return scope + ".task_runs";
        }

        if (tokens >= limits.LlmTokens)
        {
            return scope + ".llm_tokens";
        }

        return dollars >= limits.Dollars ? scope + ".dollars" : null;
    }
}
