namespace Evolver.Core;

/// <summary>
/// The tasks of a run's suites under one key each: the instance id for a single suite, <c>suite/instance</c> for
/// several (instance ids are unique only within a suite).
/// </summary>
internal sealed class TaskCatalog
{
    private readonly Dictionary<string, TaskSpec> tasks = new(StringComparer.Ordinal);

    public TaskCatalog(IReadOnlyList<SuiteSpec> suites)
    {
        var qualified = suites.Count > 1;
        foreach (var suite in suites)
        {
            foreach (var task in suite.Tasks)
            {
                tasks.Add(qualified ? suite.Name + "/" + task.InstanceId : task.InstanceId, task);
            }
        }

        Keys = [.. tasks.Keys];
        SuiteName = string.Join("+", suites.Select(s => s.Name));
        SuiteVersion = string.Join("+", suites.Select(s => s.Version));
    }

    public IReadOnlyList<string> Keys { get; }

    /// <summary>The suite name archived with each evaluation.</summary>
    public string SuiteName { get; }

    /// <summary>The suite version archived with each evaluation.</summary>
    public string SuiteVersion { get; }

    /// <summary>The tasks in the order a child with task seed <paramref name="seed"/> runs them.</summary>
    public IReadOnlyList<(string Key, TaskSpec Task)> Order(int seed) =>
        [.. StagePlan.OrderTasks(Keys, seed).Select(k => (k, tasks[k]))];
}
