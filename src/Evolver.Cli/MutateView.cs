using System.Globalization;
using System.Text.Json.Nodes;
using Evolver.Core;

namespace Evolver.Cli;

/// <summary>What <c>evolver mutate</c> prints: the child's id, its validation and what was archived.</summary>
internal static class MutateView
{
    /// <summary>Writes the result as text, or as JSON when <paramref name="json"/> is set.</summary>
    public static void Write(CliEnvironment env, VariantRecord child, MutateOutcome outcome, bool json)
    {
        var e = child.Evaluation;
        var v = outcome.Validation;
        if (json)
        {
            ArchiveAccess.WriteJson(env, new JsonObject
            {
                ["id"] = child.Id,
                ["commit"] = child.Commit,
                ["parents"] = ArchiveJson.Strings(child.Parents),
                ["generation"] = child.Generation,
                ["mutator"] = e.Mutator,
                ["valid"] = outcome.Valid,
                ["status"] = EvaluationJson.Name(e.Status),
                ["admitted"] = e.Admitted,
                ["description"] = e.MutationDescription,
                ["reason"] = outcome.Reason,
                ["validation"] = v is null ? null : new JsonObject
                {
                    ["valid"] = v.IsValid,
                    ["summary"] = v.Summary,
                    ["issues"] = new JsonArray([.. v.Issues.Select(i => (JsonNode)new JsonObject
                    {
                        ["kind"] = Mutation.ValidationIssue.Flag(i.Kind), ["message"] = i.Message,
                    })]),
                    ["seconds"] = Math.Round(v.Elapsed.TotalSeconds, 3),
                },
                ["flags"] = ArchiveJson.Strings(e.Flags),
                ["diagnostics"] = ArchiveJson.Strings(e.Diagnostics),
                ["input_tokens"] = e.InputTokens,
                ["output_tokens"] = e.OutputTokens,
                ["cost_usd"] = e.CostUsd,
                ["logs"] = child.Logs,
            });
            return;
        }

        var parents = string.Join(" × ", child.Parents);
        env.Out.WriteLine($"child {child.Id} of {parents} by {e.Mutator} (generation {child.Generation}, commit {child.Commit[..12]})");
        var lines = e.MutationDescription.TrimEnd().Split('\n');
        foreach (var line in lines.Take(12))
        {
            env.Out.WriteLine("  " + line);
        }

        if (lines.Length > 12)
        {
            env.Out.WriteLine($"  … ({lines.Length - 12} more lines: evolver archive show {child.Id})");
        }
        if (v is not null)
        {
            var seconds = v.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            env.Out.WriteLine($"validation: {v.Summary} ({seconds} s)");
            foreach (var issue in v.Issues.Skip(1).Take(9))
            {
                env.Out.WriteLine("  " + issue);
            }
        }

        if (e.InputTokens + e.OutputTokens > 0)
        {
            env.Out.WriteLine($"tokens: {e.InputTokens} in, {e.OutputTokens} out, {ArchiveText.Cost(e.CostUsd)}");
        }

        env.Out.WriteLine(outcome.Valid
            ? $"archived {child.Id}: valid, pending evaluation, not admitted yet"
            : $"archived {child.Id} as a failed attempt ({EvaluationJson.Name(e.Status)}): {outcome.Reason}");
    }
}
