using System.Text.Json;

namespace Evolver.Mutation;

/// <summary>The Diagnose step's answer: what went wrong, what to change, and how.</summary>
internal sealed record DiagnosisProposal(string Problem, string Proposal, string ImplementationPlan)
{
    private static readonly string[] Fields = ["problem", "proposal", "implementation_plan"];

    /// <summary>
    /// Reads the JSON object of <paramref name="reply"/>: the whole reply, a fenced <c>```json</c> block, or the text from
    /// the first <c>{</c> to the last <c>}</c>. Null, with the reason, when there is no object with the three string fields.
    /// </summary>
    public static (DiagnosisProposal? Proposal, string Problem) Parse(string reply)
    {
        string? lastProblem = null;
        foreach (var candidate in Candidates(reply))
        {
            try
            {
                using var json = JsonDocument.Parse(candidate);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    lastProblem = "the JSON is not an object";
                    continue;
                }

                var values = new string[Fields.Length];
                var missing = new List<string>();
                for (var i = 0; i < Fields.Length; i++)
                {
                    values[i] = json.RootElement.TryGetProperty(Fields[i], out var value) ? Text(value) : "";
                    if (values[i].Length == 0)
                    {
                        missing.Add(Fields[i]);
                    }
                }

                if (missing.Count == 0)
                {
                    return (new DiagnosisProposal(values[0], values[1], values[2]), "");
                }

                lastProblem = "the JSON object lacks a non-empty " + string.Join(", ", missing);
            }
            catch (JsonException e)
            {
                lastProblem ??= "it is not valid JSON: " + e.Message;
            }
        }

        return (null, lastProblem ?? "the reply holds no JSON object");
    }

    /// <summary>The plan may come as a list of steps; it is joined into lines.</summary>
    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim(),
        JsonValueKind.Array => string.Join("\n", value.EnumerateArray().Select(Text).Where(s => s.Length > 0)),
        _ => "",
    };

    private static IEnumerable<string> Candidates(string reply)
    {
        if (reply.TrimStart().StartsWith('{'))
        {
            yield return reply.Trim();
        }

        var fence = reply.IndexOf("```", StringComparison.Ordinal);
        if (fence >= 0)
        {
            var start = reply.IndexOf('\n', fence);
            var end = start < 0 ? -1 : reply.IndexOf("```", start, StringComparison.Ordinal);
            if (end > start)
            {
                yield return reply[(start + 1)..end].Trim();
            }
        }

        var open = reply.IndexOf('{');
        var close = reply.LastIndexOf('}');
        if (open >= 0 && close > open)
        {
            yield return reply[open..(close + 1)];
        }
    }
}
