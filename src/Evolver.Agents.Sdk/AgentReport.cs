using System.Text.Json;

namespace Evolver.Agents.Sdk;

/// <summary>What an agent says about its own run. Its diff speaks for itself; this is for people and logs.</summary>
/// <param name="Status"><c>completed</c>, <c>gave_up</c> or <c>error</c>.</param>
/// <param name="Summary">One paragraph on what the agent did.</param>
/// <param name="Steps">How many steps (tool calls, attempts) the agent took.</param>
public sealed record AgentReport(string Status, string Summary, int Steps = 0)
{
    /// <summary>
    /// Where the agent's time went, per time budget or timeout it governs itself by; null when it reports none. The
    /// harness keeps it in the task's evaluation record, where the <c>gp</c> mutator reads it.
    /// </summary>
    public IReadOnlyList<TimeProfileEntry>? Profile { get; init; }

    /// <summary>Writes the report to <paramref name="path"/> (default <see cref="AgentPaths.Report"/>).</summary>
    public void Write(string path = AgentPaths.Report)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, AgentContext.JsonOptions));
    }
}
