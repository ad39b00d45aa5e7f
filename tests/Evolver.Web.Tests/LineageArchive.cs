using System.Text.Json;
using System.Text.RegularExpressions;
using Evolver.Archive;
using Evolver.Core;
using Evolver.Cli.Tests;
using LibGit2Sharp;

namespace Evolver.Web.Tests;

/// <summary>
/// A real archive written through the archive library as the loop writes it: the repair seed (v0, evaluated), then
/// children made by editing their parent's real source (gp edits, llm edits with archived logs and recorded LLM
/// exchanges), a compile failure and a rejected child (failed attempts), a crossover of two variants, and a child whose
/// parent was evicted afterwards (its ref deleted, the index rebuilt), so it must show as an orphan.
/// </summary>
internal sealed partial class LineageArchive : IDisposable
{
    private const int Tasks = 6;

    private LineageArchive(TempDirectory work) => Work = work;

    public TempDirectory Work { get; }

    public string Path => Work.Combine("archive");

    /// <summary>Every variant still in the archive, with its score and status, in the order written.</summary>
    public List<(string Id, double Score, VariantStatus Status, string[] Parents)> Variants { get; } = [];

    public string FailedId { get; private set; } = "";

    public string RejectedId { get; private set; } = "";

    public string CrossoverId { get; private set; } = "";

    /// <summary>An llm child whose logs hold <c>llm-exchanges.json</c> and <c>llm/quixbugs-gcd.jsonl</c>.</summary>
    public string TranscriptId { get; private set; } = "";

    /// <summary>A gp child whose logs hold no LLM exchange.</summary>
    public string NoTranscriptId { get; private set; } = "";

    public string EvictedId { get; private set; } = "";

    public string OrphanId { get; private set; } = "";

    /// <summary>The highest-scoring evaluated variant, the earliest on ties.</summary>
    public string BestId => Variants.Where(v => v.Status == VariantStatus.Evaluated).OrderByDescending(v => v.Score).First().Id;

    public static string Seed => System.IO.Path.Combine(TestPaths.RepoRoot, "archive", "seeds", "repair");

    public static async Task<LineageArchive> BuildAsync(int children = 30)
    {
        var bed = new LineageArchive(new TempDirectory("evolver-web"));
        using var archive = AgentArchive.Init(bed.Path);
        var seed = await archive.AddSeedAsync(Seed, null, CancellationToken.None);
        await archive.UpdateEvaluationAsync(seed.Id, Evaluation(2, "seed", "seed repair"), CancellationToken.None);
        bed.Variants.Add((seed.Id, 2.0 / Tasks, VariantStatus.Evaluated, []));
        var admitted = new List<(string Id, int Resolved)> { (seed.Id, 2) };
        var rng = new Random(11);
        for (var i = 1; i <= children; i++)
        {
            var (parent, resolved) = admitted[rng.Next(admitted.Count)];
            var source = bed.Work.Combine("src", $"c{i}");
            archive.Export(parent, source);
            var edited = Edit(source, rng, i);
            string[] parents = [parent];
            EvaluationRecord evaluation;
            string? logs = null;
            if (i == 4)
            {
                evaluation = CompileFailed();
            }
            else if (i == 9)
            {
                evaluation = Rejected();
            }
            else if (i == 13)
            {
                // Crossover: one file from a second admitted parent (not the first).
                var other = admitted.Last(a => a.Id != parent);
                var donor = bed.Work.Combine("src", $"c{i}-donor");
                archive.Export(other.Id, donor);
                File.Copy(System.IO.Path.Combine(donor, "RepairAgent.cs"), System.IO.Path.Combine(source, "RepairAgent.cs"), overwrite: true);
                parents = [parent, other.Id];
                resolved = Math.Min(Tasks, Math.Max(resolved, other.Resolved) + 1);
                evaluation = Evaluation(resolved, "gp", $"crossover: RepairAgent.cs from {other.Id}");
            }
            else
            {
                resolved = Math.Clamp(resolved + rng.Next(-1, 3), 0, Tasks);
                var llm = i % 5 == 2;
                evaluation = Evaluation(resolved, llm ? "llm" : "gp", llm ? $"Localise the fault from the traceback first ({edited})" : $"literal change in {edited}") with
                {
                    InputTokens = llm ? 1800 + i : 0,
                    OutputTokens = llm ? 420 + i : 0,
                    CostUsd = llm ? 0.012 + (i * 0.001) : 0,
                };
                logs = i % 3 == 0 ? null : WriteLogs(bed.Work.Combine("logs", $"c{i}"), llm, i);
            }

            var record = await archive.CommitVariantAsync(
                new VariantDraft { SourceDirectory = source, Parents = parents, Evaluation = evaluation, LogsDirectory = logs }, CancellationToken.None);
            bed.Variants.Add((record.Id, evaluation.Score, evaluation.Status, parents));
            if (evaluation.Status == VariantStatus.Evaluated)
            {
                admitted.Add((record.Id, resolved));
            }

            bed.FailedId = i == 4 ? record.Id : bed.FailedId;
            bed.RejectedId = i == 9 ? record.Id : bed.RejectedId;
            bed.CrossoverId = i == 13 ? record.Id : bed.CrossoverId;
            bed.TranscriptId = bed.TranscriptId.Length == 0 && evaluation.Mutator == "llm" && logs is not null ? record.Id : bed.TranscriptId;
            bed.NoTranscriptId = bed.NoTranscriptId.Length == 0 && evaluation.Mutator == "gp" && logs is not null ? record.Id : bed.NoTranscriptId;
        }

        await bed.AddOrphanAsync(archive, seed.Id);
        return bed;
    }

    public void Dispose() => Work.Dispose();

    public static EvaluationRecord Evaluation(int resolved, string mutator, string description) => new()
    {
        Status = VariantStatus.Evaluated,
        Admitted = true,
        Score = (double)resolved / Tasks,
        Mutator = mutator,
        MutationDescription = description,
        Suite = "quixbugs",
        SuiteVersion = "1.0",
        Tasks = Enumerable.Range(0, Tasks).Select(t => new TaskRecord
        {
            InstanceId = TaskNames[t],
            Outcome = t < resolved ? TaskOutcome.Resolved : TaskOutcome.Unresolved,
            Reason = t < resolved ? "" : "1 FAIL_TO_PASS test still fails",
            Duration = TimeSpan.FromSeconds(2 + t),
        }).ToList(),
        Stages = [new StageRecord("screen", Tasks, resolved, true)],
        Timings = new Dictionary<string, TimeSpan> { ["mutate"] = TimeSpan.FromSeconds(1.5), ["evaluate"] = TimeSpan.FromSeconds(30) },
    };

    private static readonly string[] TaskNames = ["quixbugs-gcd", "quixbugs-bitcount", "quixbugs-lis", "quixbugs-sqrt", "quixbugs-hanoi", "quixbugs-kheapsort"];

    private static EvaluationRecord CompileFailed() => new()
    {
        Status = VariantStatus.CompileFailed,
        Admitted = false,
        Mutator = "gp",
        MutationDescription = "deleted a statement",
        Diagnostics = ["RepairAgent.cs(10,5): error CS0103: The name 'budget' does not exist in the current context"],
        Flags = ["compile-error"],
    };

    private static EvaluationRecord Rejected() => new()
    {
        Status = VariantStatus.Rejected,
        Admitted = false,
        Mutator = "llm",
        MutationDescription = "read the hidden tests from the harness folder",
        Diagnostics = ["banned API: System.IO.File.ReadAllText on a harness path"],
        Flags = ["banned-api"],
    };

    // A real edit of a real source file: one numeric literal bumped (or a line rewritten) and a comment inserted.
    private static string Edit(string source, Random rng, int i)
    {
        var files = Directory.GetFiles(source, "*.cs").Order(StringComparer.Ordinal).ToArray();
        var file = files[rng.Next(files.Length)];
        var lines = File.ReadAllLines(file).ToList();
        var candidates = lines.Select((l, n) => (l, n)).Where(p => Number().IsMatch(p.l)).Select(p => p.n).ToList();
        var at = candidates.Count > 0 ? candidates[rng.Next(candidates.Count)] : rng.Next(lines.Count);
        lines[at] = Number().IsMatch(lines[at]) ? Number().Replace(lines[at], m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 1) : lines[at] + " // rewritten";
        lines.Insert(Math.Max(0, at), $"        // child {i}: tuned the line below");
        File.WriteAllLines(file, lines);
        return System.IO.Path.GetFileName(file);
    }

    private static string WriteLogs(string directory, bool llm, int i)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(directory, "tasks"));
        File.WriteAllText(System.IO.Path.Combine(directory, "mutation.json"), JsonSerializer.Serialize(new { status = "Succeeded", description = $"child {i}" }));
        File.WriteAllText(System.IO.Path.Combine(directory, "build.txt"), "");
        File.WriteAllText(System.IO.Path.Combine(directory, "tasks", "quixbugs-gcd.json"), JsonSerializer.Serialize(new { task = "quixbugs-gcd", outcome = "Resolved", agent_output_tail = $"fixed line 4 (child {i})" }));
        if (llm)
        {
            // The shapes the harness writes: the mutator's llm-exchanges.json (LlmSession) and a gateway transcript
            // (one exchange a line). The text is fixture data written by this test, not a model's output.
            File.WriteAllText(System.IO.Path.Combine(directory, "llm-exchanges.json"), $$"""
                [
                  { "step": "diagnose", "exchange": { "provider": "open_ai", "model": "fixture-model", "request": [
                      { "role": "system", "content": "You improve a coding agent." },
                      { "role": "user", "content": "Why does task quixbugs-bitcount fail for child {{i}}?" } ],
                    "reply": "FIXTURE REPLY (test data, not a model): the loop never ends.", "finish_reason": "stop",
                    "input_tokens": 1200, "output_tokens": 300, "cost_usd": 0.008 } },
                  { "step": "implement", "exchange": { "provider": "open_ai", "model": "fixture-model", "request": [
                      { "role": "user", "content": "Implement the proposal as edits." } ],
                    "reply": null, "failure": "refused", "failure_message": "fixture refusal (test data)", "input_tokens": 600, "output_tokens": 120, "cost_usd": 0.004 } }
                ]
                """);
            Directory.CreateDirectory(System.IO.Path.Combine(directory, "llm"));
            // The gateway's record (src/Evolver.Gateway/ChatEndpoint.cs): the OpenAI request and response, or the
            // streamed chunks, with usage; one exchange a line.
            File.WriteAllText(System.IO.Path.Combine(directory, "llm", "quixbugs-gcd.jsonl"),
                $$$"""{"index":0,"run":"eval","child":"c{{{i}}}","task":"quixbugs-gcd","request":{"model":"fixture-model","messages":[{"role":"user","content":"Fix gcd (fixture request)"}]},"status":200,"response":{"choices":[{"message":{"role":"assistant","content":"FIXTURE gateway reply (test data)"}}]},"usage":{"input_tokens":90,"output_tokens":12,"cost_usd":0.0003},"latency_ms":12.5}""" + "\n"
                + $$$"""{"index":1,"run":"eval","child":"c{{{i}}}","task":"quixbugs-gcd","request":{"model":"fixture-model","stream":true,"messages":[{"role":"user","content":"Again (fixture request)"}]},"status":200,"chunks":[{"choices":[{"delta":{"content":"FIXTURE "}}]},{"choices":[{"delta":{"content":"streamed"}}]}],"usage":{"input_tokens":40,"output_tokens":3,"cost_usd":0.0001},"latency_ms":8}""" + "\n");
        }

        return directory;
    }

    // The parent of the orphan is committed, given a child, then evicted: its ref is deleted and the index rebuilt.
    private async Task AddOrphanAsync(AgentArchive archive, string seedId)
    {
        var parentSource = Work.Combine("src", "evicted");
        archive.Export(seedId, parentSource);
        Edit(parentSource, new Random(5), 900);
        var evicted = await archive.CommitVariantAsync(
            new VariantDraft { SourceDirectory = parentSource, Parents = [seedId], Evaluation = Evaluation(1, "gp", "to be evicted") }, CancellationToken.None);
        var childSource = Work.Combine("src", "orphan");
        archive.Export(evicted.Id, childSource);
        Edit(childSource, new Random(6), 901);
        var orphan = await archive.CommitVariantAsync(
            new VariantDraft { SourceDirectory = childSource, Parents = [evicted.Id], Evaluation = Evaluation(3, "gp", "child of an evicted parent") }, CancellationToken.None);
        using (var repo = new Repository(Path))
        {
            repo.Refs.Remove("refs/evolver/variants/" + evicted.Id);
        }

        archive.Reindex();
        EvictedId = evicted.Id;
        OrphanId = orphan.Id;
        Variants.Add((orphan.Id, 3.0 / Tasks, VariantStatus.Evaluated, []));
    }

    [GeneratedRegex(@"\b\d+\b")]
    private static partial Regex Number();
}
