using System.Globalization;
using System.Text;
using Evolver.Core;

namespace Evolver.Mutation;

/// <summary>The task the Diagnose step looks at: one the parent failed, picked with the request's seed, and its log.</summary>
/// <param name="InstanceId">The task's id.</param>
/// <param name="Outcome">The outcome, as archived.</param>
/// <param name="Reason">The archived reason.</param>
/// <param name="Log">What the parent's logs folder holds for the task, cut to size; a note when it holds nothing.</param>
internal sealed record FailedTask(string InstanceId, TaskOutcome Outcome, string Reason, string Log)
{
    /// <summary>
    /// A task of <paramref name="parent"/>'s evaluation that was not resolved through the agent's fault (harness errors
    /// are skipped), or null when there is none. Its log is every text file of <c>LOGS/&lt;id&gt;/</c>, <c>LOGS/tasks/&lt;id&gt;/</c>
    /// or <c>LOGS/&lt;id&gt;.*</c> in the parent's logs folder.
    /// </summary>
    public static FailedTask? Pick(MutationParent parent, Random random, int maxLogChars)
    {
        var failed = parent.Evaluation?.Tasks.Where(t => t.Outcome is not (TaskOutcome.Resolved or TaskOutcome.HarnessError)).ToList() ?? [];
        if (failed.Count == 0)
        {
            return null;
        }

        var task = failed[random.Next(failed.Count)];
        return new FailedTask(task.InstanceId, task.Outcome, task.Reason, ReadLog(parent.LogsDirectory, task.InstanceId, maxLogChars));
    }

    /// <summary>One line on the parent's evaluation: score, resolved count, suite.</summary>
    public static string Summary(EvaluationRecord? evaluation)
    {
        if (evaluation is null)
        {
            return "not evaluated yet.";
        }

        var resolved = evaluation.Tasks.Count(t => t.Resolved);
        var suite = evaluation.Suite is null ? "" : $" of suite {evaluation.Suite} {evaluation.SuiteVersion}".TrimEnd();
        return string.Create(CultureInfo.InvariantCulture, $"score {evaluation.Score:0.###}, {resolved} of {evaluation.Tasks.Count} tasks{suite} resolved.");
    }

    private static string ReadLog(string? logsDirectory, string instanceId, int maxChars)
    {
        if (logsDirectory is null || !Directory.Exists(logsDirectory))
        {
            return "(no log was kept for this task)";
        }

        var files = new[] { Path.Combine(logsDirectory, instanceId), Path.Combine(logsDirectory, "tasks", instanceId) }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(logsDirectory, instanceId + ".*"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder();
        foreach (var file in files)
        {
            var content = File.ReadAllText(file);
            if (content.Contains('\0'))
            {
                continue;
            }

            text.Append("--- ").Append(Path.GetRelativePath(logsDirectory, file).Replace('\\', '/')).Append(" ---\n")
                .Append(SourceListing.Cut(content, Math.Max(maxChars / files.Count, 200))).Append('\n');
        }

        return text.Length == 0 ? "(no log was kept for this task)" : SourceListing.Cut(text.ToString(), maxChars);
    }
}
