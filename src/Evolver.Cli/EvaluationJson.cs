using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Evolver.Core;

namespace Evolver.Cli;

/// <summary>The <c>--json</c> form of an evaluation, in snake_case (see the <c>eval</c> command's help).</summary>
internal static class EvaluationJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The report as a JSON object; with the gateway, LLM usage per task and summed (as the archive's record has it).</summary>
    public static JsonObject ToJson(EvaluationReport report)
    {
        var json = Summary(report);
        var usage = report.Results.Select(r => r.Llm).OfType<GatewayUsage>().ToList();
        if (usage.Count > 0)
        {
            AddLlm(json, new GatewayUsage
            {
                Calls = usage.Sum(u => u.Calls),
                InputTokens = usage.Sum(u => u.InputTokens),
                OutputTokens = usage.Sum(u => u.OutputTokens),
                CostUsd = usage.Sum(u => u.CostUsd),
                CapsHit = [.. usage.SelectMany(u => u.CapsHit).Distinct(StringComparer.Ordinal)],
            });
        }

        json["results"] = new JsonArray(report.Results.Select(r => (JsonNode)Task(r)).ToArray());
        return json;
    }

    private static JsonObject Summary(EvaluationReport report) => new()
    {
        ["agent"] = report.Agent,
        ["suite"] = report.Suite,
        ["suite_version"] = report.SuiteVersion,
        ["started_at"] = report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["duration_seconds"] = Seconds(report.Duration),
        ["resolved"] = report.ResolvedCount,
        ["total"] = report.Results.Count,
        ["score"] = Math.Round(report.Score, 4),
    };

    private static void AddLlm(JsonObject json, GatewayUsage usage)
    {
        json["llm_calls"] = usage.Calls;
        json["input_tokens"] = usage.InputTokens;
        json["output_tokens"] = usage.OutputTokens;
        json["cost_usd"] = Math.Round(usage.CostUsd, 6);
        json["llm_caps_hit"] = new JsonArray([.. usage.CapsHit.Select(c => (JsonNode?)c)]);
    }

    /// <summary>Writes <paramref name="node"/> to <paramref name="path"/>, creating its folder.</summary>
    public static async Task WriteAsync(JsonNode node, string path, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }

        await File.WriteAllTextAsync(path, node.ToJsonString(Indented) + "\n", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An enum value in snake_case, as the JSON writes it: <c>HarnessError</c> becomes <c>harness_error</c>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static JsonObject Task(TaskResult r)
    {
        var json = TaskFields(r);
        if (r.Llm is { } llm)
        {
            AddLlm(json, llm);
        }

        return json;
    }

    private static JsonObject TaskFields(TaskResult r) => new()
    {
        ["instance_id"] = r.InstanceId,
        ["resolved"] = r.Resolved,
        ["outcome"] = Name(r.Outcome),
        ["reason"] = r.Reason,
        ["duration_seconds"] = Seconds(r.Duration),
        ["agent"] = new JsonObject
        {
            ["status"] = Name(r.Solve.Status),
            ["exit_code"] = r.Solve.ExitCode,
            ["seconds"] = Seconds(r.Solve.Duration),
            ["output_bytes"] = r.Solve.OutputBytes,
        },
        ["score"] = r.Score is null ? null : new JsonObject
        {
            ["status"] = Name(r.Score.Status),
            ["seconds"] = Seconds(r.Score.Duration),
            ["fail_to_pass"] = Tests(r.Verdict?.FailToPass),
            ["pass_to_pass"] = Tests(r.Verdict?.PassToPass),
        },
        ["patch_bytes"] = System.Text.Encoding.UTF8.GetByteCount(r.Solve.Patch),
    };

    private static JsonObject Tests(IReadOnlyDictionary<string, TestOutcome>? tests)
    {
        var o = new JsonObject();
        foreach (var (id, outcome) in tests ?? new Dictionary<string, TestOutcome>())
        {
            o[id] = Name(outcome);
        }

        return o;
    }

    private static double Seconds(TimeSpan t) => Math.Round(t.TotalSeconds, 3);
}
