using System.Text.Json;

namespace Evolver.Core;

/// <summary>
/// The logs archived beside a variant: its mutation, build and each task run (agent output tail, agent report, patch,
/// test output tail), so people and the <c>llm</c> mutator can see why a task failed.
/// </summary>
internal sealed class ChildLogs
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public ChildLogs(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "tasks"));
    }

    public string Directory { get; }

    public void WriteMutation(MutationResult mutation) => Write("mutation.json", new Dictionary<string, object?>
    {
        ["status"] = mutation.Status.ToString(),
        ["description"] = mutation.Description,
        ["reason"] = mutation.Reason,
        ["diagnostics"] = mutation.Diagnostics,
        ["flags"] = mutation.Flags,
        ["input_tokens"] = mutation.InputTokens,
        ["output_tokens"] = mutation.OutputTokens,
        ["cost_usd"] = mutation.CostUsd,
    });

    public void WriteBuild(ChildBuild build) => File.WriteAllLines(Path.Combine(Directory, "build.txt"), build.Diagnostics);

    public void WriteTask(string key, TaskResult result, int stage)
    {
        if (result.Llm is { Exchanges.Count: > 0 } llm)
        {
            // One JSON object per line, in order: what replay serves back to the agent.
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, "llm"));
            File.WriteAllLines(Path.Combine(Directory, "llm", LlmFileName(key)), llm.Exchanges);
        }

        WriteTaskJson(key, result, stage);
    }

    /// <summary>The file of a task's recorded LLM exchanges inside the logs' <c>llm/</c> folder.</summary>
    public static string LlmFileName(string key) => key.Replace('/', '_') + ".jsonl";

    private void WriteTaskJson(string key, TaskResult result, int stage) => Write(Path.Combine("tasks", key.Replace('/', '_') + ".json"), new Dictionary<string, object?>
    {
        ["task"] = key,
        ["stage"] = stage,
        ["outcome"] = result.Outcome.ToString(),
        ["reason"] = result.Reason,
        ["seconds"] = result.Duration.TotalSeconds,
        ["agent_status"] = result.Solve.Status.ToString(),
        ["agent_exit_code"] = result.Solve.ExitCode,
        ["agent_output_tail"] = result.Solve.OutputTail,
        ["agent_report"] = result.Solve.Report,
        ["patch"] = result.Solve.Patch,
        ["score_status"] = result.Score?.Status.ToString(),
        ["test_output_tail"] = result.Score?.OutputTail,
    });

    private void Write(string relativePath, object value) =>
        File.WriteAllText(Path.Combine(Directory, relativePath), JsonSerializer.Serialize(value, Json));
}
