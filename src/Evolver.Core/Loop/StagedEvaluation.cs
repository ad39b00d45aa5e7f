namespace Evolver.Core;

/// <summary>
/// Evaluates one built agent by the run's <see cref="StagePlan"/>: runs the next tasks the plan asks for, several at a
/// time within the run's container slots, until the plan stops or a budget does.
/// </summary>
internal sealed class StagedEvaluation(LoopContext ctx)
{
    public async Task<StagedOutcome> RunAsync(ChildPlan plan, AgentArtifact agent, ChildLogs logs, LiveChild live, CancellationToken cancellationToken)
    {
        var order = ctx.Catalog.Order(plan.TaskSeed);

        // A seed is the reference children are compared with, so it runs every task a child could reach.
        var stagePlan = plan.Kind == ChildKind.Seed ? ctx.Options.Stages.WithoutEarlyStop() : ctx.Options.Stages;
        var records = new List<TaskRecord>();
        var stop = new BudgetStop();
        while (stop.Budget is null)
        {
            var decision = stagePlan.Decide([.. records.Select(r => r.Resolved)], order.Count, plan.StageReference);
            if (decision.Finished)
            {
                return new StagedOutcome(records, decision.Stages, null);
            }

            live.SetStage(StageName(decision.NextStage), records.Count + decision.NextTasks);
            var batch = order.Skip(records.Count).Take(decision.NextTasks).ToList();
            var results = await Task.WhenAll(batch.Select(t => RunTaskAsync(plan, t.Key, t.Task, decision.NextStage, agent, logs, live, stop, cancellationToken)))
                .ConfigureAwait(false);

            // Tasks that ran are kept, in task order, even when a budget kept a sibling from starting.
            records.AddRange(results.OfType<TaskRecord>());
            if (results.Any(r => r is null))
            {
                break;
            }
        }

        var stages = stagePlan.Decide([.. records.Select(r => r.Resolved)], order.Count, plan.StageReference).Stages;
        return new StagedOutcome(records, stages, stop.Budget);
    }

    private string StageName(int index) =>
        ctx.Options.Stages.Stages.Count > index ? ctx.Options.Stages.Stages[index].Name : $"batch-{index + 1}";

    private async Task<TaskRecord?> RunTaskAsync(
        ChildPlan plan, string key, TaskSpec task, int stage, AgentArtifact agent, ChildLogs logs, LiveChild live, BudgetStop stop, CancellationToken cancellationToken)
    {
        await ctx.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (stop.Budget is not null)
            {
                return null;
            }

            // Seeds are the run's starting point, not one of its iterations: their task runs are not counted.
            var counted = plan.Kind == ChildKind.Child;
            if (counted && ctx.Budget.TryStartTaskRun(plan.Id, key) is { Allowed: false } denied)
            {
                stop.Set(denied.Budget!);
                return null;
            }

            var result = await EvaluateAsync(plan, key, task, agent, counted, stop, cancellationToken).ConfigureAwait(false);
            if (counted)
            {
                ctx.Budget.FinishTaskRun(plan.Id, key);
            }

            if (result is null)
            {
                return null;
            }

            logs.WriteTask(key, result, stage);
            live.TaskDone(result.Resolved);
            var record = TaskRecord.From(result, stage) with { InstanceId = key };
            ctx.Report(new RunEvent(RunEventKind.TaskFinished, $"{plan.Id} {key}: {result.Outcome} in {Bounded.Describe(result.Duration)}: {result.Reason}")
            {
                ChildId = plan.Id, Task = record,
            });
            return record;
        }
        finally
        {
            ctx.Slots.Release();
        }
    }

    /// <summary>One task run under a watchdog; null when a run or child wall-clock budget cut it short.</summary>
    private async Task<TaskResult?> EvaluateAsync(
        ChildPlan plan, string key, TaskSpec task, AgentArtifact agent, bool counted, BudgetStop stop, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(task.Timeouts.AgentSeconds + task.Timeouts.TestSeconds) + ctx.Options.TaskGrace;
        var budgetLeft = counted ? ctx.Budget.TimeLeft(plan.Id, key) : null;
        var byBudget = budgetLeft < limit;
        var start = ctx.Time.GetTimestamp();
        try
        {
            return await Bounded.RunAsync(
                ct => ctx.Evaluator.EvaluateAsync(task, agent, Scope(plan, key, counted), ct), byBudget ? budgetLeft!.Value : limit, ctx.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e) when (byBudget)
        {
            var budget = ctx.Budget.TimeLeft() <= TimeSpan.Zero ? "run.wall_clock"
                : ctx.Budget.TimeLeft(plan.Id) <= TimeSpan.Zero ? "child.wall_clock"
                : "task.wall_clock";
            if (budget != "task.wall_clock")
            {
                stop.Set(budget);
                return null;
            }

            return Failed(TaskOutcome.Unresolved, AgentStatus.TimedOut, $"stopped by its {budget} budget: {e.Message}");
        }
        catch (TimeoutException e)
        {
            ctx.Report(new RunEvent(RunEventKind.Warning, $"{plan.Id} {key}: the sandbox {e.Message}") { ChildId = plan.Id });
            return Failed(TaskOutcome.HarnessError, AgentStatus.HarnessError, $"the sandbox {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A harness bug on one task must not take the run down; the record says what happened.
            ctx.Report(new RunEvent(RunEventKind.Warning, $"{plan.Id} {key}: the harness failed: {e.GetType().Name}: {e.Message}") { ChildId = plan.Id });
            return Failed(TaskOutcome.HarnessError, AgentStatus.HarnessError, $"the harness failed: {e.GetType().Name}: {e.Message}");
        }

        TaskResult Failed(TaskOutcome outcome, AgentStatus status, string reason) => new()
        {
            InstanceId = task.InstanceId,
            Outcome = outcome,
            Reason = reason,
            Solve = new SolveResult { Status = status, Patch = "", Reason = reason },
            Duration = ctx.Time.GetElapsedTime(start),
        };
    }

    /// <summary>The gateway scope of a task run: its calls count in the run's tracker, a seed's in the run's budgets alone.</summary>
    private GatewayScope Scope(ChildPlan plan, string key, bool counted) => new("run", plan.Id, key)
    {
        Budget = ctx.Budget,
        ChildBudgets = counted,
        TaskLimits = ctx.Options.Budgets.PerTask,
    };

    /// <summary>The first budget that stopped a job's task runs; shared by the job's concurrent tasks.</summary>
    private sealed class BudgetStop
    {
        private string? budget;

        public string? Budget => Volatile.Read(ref budget);

        public void Set(string name) => Interlocked.CompareExchange(ref budget, name, null);
    }
}
