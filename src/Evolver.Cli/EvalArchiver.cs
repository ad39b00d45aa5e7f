using Evolver.Archive;
using Evolver.Core;

namespace Evolver.Cli;

/// <summary>
/// <c>eval --archive</c>: records the evaluated agent as a root variant with its evaluation record and logs (per task,
/// and the recorded LLM exchanges in <c>llm/&lt;task&gt;.jsonl</c>), so <c>evolver replay</c> can re-run it offline.
/// </summary>
internal static class EvalArchiver
{
    /// <summary>Archives the agent in <paramref name="source"/> with <paramref name="report"/>; returns its variant id.</summary>
    public static async Task<string> ArchiveAsync(CliEnvironment env, string archivePath, string source, EvaluationReport report, CancellationToken cancellationToken)
    {
        var path = env.Resolve(archivePath);
        var logsDirectory = Directory.CreateTempSubdirectory("evolver-eval-logs-").FullName;
        try
        {
            var logs = new ChildLogs(logsDirectory);
            foreach (var result in report.Results)
            {
                logs.WriteTask(result.InstanceId, result, 0);
            }

            var tasks = report.Results.Select(r => TaskRecord.From(r, 0)).ToList();
            var evaluation = new EvaluationRecord
            {
                Status = VariantStatus.Evaluated,
                Admitted = true,
                Score = tasks.Count == 0 ? 0 : (double)tasks.Count(t => t.Resolved) / tasks.Count,
                Tasks = tasks,
                Suite = report.Suite,
                SuiteVersion = report.SuiteVersion,
                Mutator = "seed",
                MutationDescription = $"evaluated by evolver eval from {source}",
                InputTokens = tasks.Sum(t => t.InputTokens ?? 0),
                OutputTokens = tasks.Sum(t => t.OutputTokens ?? 0),
                CostUsd = tasks.Sum(t => t.CostUsd ?? 0),
                Timings = new Dictionary<string, TimeSpan>(StringComparer.Ordinal) { ["evaluate"] = report.Duration },
            };
            using var archive = Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any() ? AgentArchive.Open(path) : AgentArchive.Init(path);
            var record = await archive.CommitVariantAsync(
                new VariantDraft { SourceDirectory = source, Evaluation = evaluation, LogsDirectory = logsDirectory }, cancellationToken).ConfigureAwait(false);
            return record.Id;
        }
        finally
        {
            Directory.Delete(logsDirectory, recursive: true);
        }
    }
}
