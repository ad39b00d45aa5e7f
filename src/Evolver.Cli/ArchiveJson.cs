using System.Globalization;
using System.Text.Json.Nodes;
using Evolver.Archive;
using Evolver.Core;

namespace Evolver.Cli;

/// <summary>The <c>--json</c> forms of the archive verbs: snake_case names and values as in the archive's notes, durations in seconds.</summary>
internal static class ArchiveJson
{
    /// <summary>One row of <c>archive ls</c>, as the index knows it.</summary>
    public static JsonObject Summary(VariantSummary v) => new()
    {
        ["id"] = v.Id,
        ["commit"] = v.Commit,
        ["parents"] = Strings(v.Parents),
        ["generation"] = v.Generation,
        ["score"] = v.Score,
        ["admitted"] = v.Admitted,
        ["status"] = EvaluationJson.Name(v.Status),
        ["children"] = v.Children,
        ["cost_usd"] = v.CostUsd,
        ["tokens"] = v.Tokens,
        ["mutator"] = v.Mutator,
        ["summary"] = v.Summary,
        ["created_at"] = Time(v.CreatedAt),
        ["issue"] = v.Issue,
    };

    /// <summary>A variant as git holds it: commit, parents and the whole evaluation record.</summary>
    public static JsonObject Record(VariantRecord v) => new()
    {
        ["id"] = v.Id,
        ["commit"] = v.Commit,
        ["parents"] = Strings(v.Parents),
        ["generation"] = v.Generation,
        ["created_at"] = Time(v.CreatedAt),
        ["logs"] = v.Logs,
        ["evaluation"] = Evaluation(v.Evaluation),
    };

    /// <summary>An evaluation record, field for field.</summary>
    public static JsonObject Evaluation(EvaluationRecord e)
    {
        var timings = new JsonObject();
        foreach (var (phase, time) in e.Timings)
        {
            timings[phase] = Seconds(time);
        }

        return new JsonObject
        {
            ["status"] = EvaluationJson.Name(e.Status),
            ["admitted"] = e.Admitted,
            ["score"] = e.Score,
            ["suite"] = e.Suite,
            ["suite_version"] = e.SuiteVersion,
            ["mutator"] = e.Mutator,
            ["mutation_description"] = e.MutationDescription,
            ["input_tokens"] = e.InputTokens,
            ["output_tokens"] = e.OutputTokens,
            ["cost_usd"] = e.CostUsd,
            ["timings"] = timings,
            ["tasks"] = new JsonArray([.. e.Tasks.Select(t => (JsonNode)new JsonObject
            {
                ["instance_id"] = t.InstanceId,
                ["outcome"] = EvaluationJson.Name(t.Outcome),
                ["resolved"] = t.Resolved,
                ["reason"] = t.Reason,
                ["duration"] = Seconds(t.Duration),
                ["stage"] = t.Stage,
            })]),
            ["stages"] = new JsonArray([.. e.Stages.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name, ["tasks"] = s.Tasks, ["resolved"] = s.Resolved, ["passed"] = s.Passed,
            })]),
            ["diagnostics"] = Strings(e.Diagnostics),
            ["flags"] = Strings(e.Flags),
        };
    }

    /// <summary>A list of strings as a JSON array.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static double Seconds(TimeSpan t) => Math.Round(t.TotalSeconds, 3);
}
