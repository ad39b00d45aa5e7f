namespace Evolver.Core;

/// <summary>The live state of one job, updated by its worker and read by the progress view.</summary>
internal sealed class LiveChild(ChildPlan plan, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly long started = time.GetTimestamp();
    private string phase = "start";
    private string? stage;
    private int done;
    private int planned;
    private int resolved;

    public ChildPlan Plan => plan;

    public TimeSpan Elapsed => time.GetElapsedTime(started);

    public void SetPhase(string value)
    {
        lock (gate)
        {
            phase = value;
        }
    }

    public void SetStage(string name, int tasksPlanned)
    {
        lock (gate)
        {
            phase = "evaluate";
            stage = name;
            planned = tasksPlanned;
        }
    }

    public void TaskDone(bool wasResolved)
    {
        lock (gate)
        {
            done++;
            resolved += wasResolved ? 1 : 0;
        }
    }

    public RunningChild Snapshot()
    {
        lock (gate)
        {
            return new RunningChild(plan.Id, plan.Kind, plan.Parents, plan.Mutator, phase, stage, done, planned, resolved, Elapsed);
        }
    }
}
