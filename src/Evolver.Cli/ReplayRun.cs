using System.Text.Json.Nodes;
using Evolver.Archive;
using Evolver.Core;
using Evolver.Gateway;
using Evolver.Sandbox;
using LibGit2Sharp;
using Serilog;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>The work of <c>evolver replay</c>: fetch the variant, rebuild it, re-run it on its tasks against its recordings, compare.</summary>
internal static class ReplayRun
{
    public static async Task<int> RunAsync(CliEnvironment env, ReplayArgs args, CancellationToken ct)
    {
        using var logging = CliLogging.Start(env, "replay");
        var log = logging.Logger;
        var work = Directory.CreateTempSubdirectory("evolver-replay-").FullName;
        try
        {
            if (Fetch(env, args, work) is not { } fetched)
            {
                return ExitCodes.Usage;
            }

            var (variant, source, recordings) = fetched;
            var evaluation = variant.Evaluation;
            if (evaluation.Tasks.Count == 0)
            {
                return ArchiveAccess.Fail(env, $"--agent: variant {args.AgentId} has no evaluated task to replay (status {evaluation.Status})");
            }

            if (FindSuite(env, args.Suite, evaluation.Suite) is not { } suite)
            {
                return ExitCodes.Usage;
            }

            if (suite.Version != evaluation.SuiteVersion)
            {
                env.Error.WriteLine($"warning: the suite {suite.Name} is version {suite.Version}; variant {args.AgentId} was evaluated on version {evaluation.SuiteVersion}");
            }

            var byId = suite.Tasks.ToDictionary(t => t.InstanceId, StringComparer.Ordinal);
            var tasks = evaluation.Tasks.Select(t => byId.GetValueOrDefault(InstanceId(t.InstanceId))).OfType<TaskSpec>().ToList();
            using var agent = await AgentResolver.ResolveAsync(env, source, log, ct).ConfigureAwait(false);
            if (agent is null)
            {
                return ExitCodes.Usage;
            }

            await using var gateway = await LlmGateway.StartReplayAsync(
                new GatewayOptions { RunId = "replay-" + args.AgentId }, recordings, RecordedModel(recordings), env.Time, ct).ConfigureAwait(false);
            var options = new SandboxOptions { MaxAgentSeconds = args.AgentTimeout, GatewaySocketDirectory = gateway.SocketDirectory };
            await using var sandbox = await SandboxHost.OpenAsync(env, log, options, SuiteInput.ImageFamilies(tasks), ct).ConfigureAwait(false);
            if (sandbox is null)
            {
                return ExitCodes.HarnessError;
            }

            env.Console.WriteLine($"replaying {args.AgentId} on {tasks.Count} task{(tasks.Count == 1 ? "" : "s")} of {suite.Name}, its {recordings.Values.Sum(r => r.Count)} recorded LLM exchanges served by the gateway");
            var report = await EvaluationRun.RunAsync(env, log, sandbox, suite, tasks, agent.Artifact with { Name = args.AgentId }, args.Parallel, ct, gateway).ConfigureAwait(false);
            var results = report.Results.ToDictionary(r => r.InstanceId, StringComparer.Ordinal);
            var verdicts = evaluation.Tasks.Select(t => ReplayVerdict.Compare(
                t, results.GetValueOrDefault(InstanceId(t.InstanceId)), recordings.GetValueOrDefault(InstanceId(t.InstanceId))?.Count ?? 0)).ToList();
            Write(env, verdicts);
            if (args.JUnit is { } junit)
            {
                var file = env.Resolve(junit);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                JUnitReport.Build(args.AgentId, suite.Name, verdicts, report.Duration).Save(file);
                env.Console.WriteLine($"JUnit XML written to {file}");
            }

            env.Console.WriteLine($"log: {logging.FilePath}");
            var failed = verdicts.Count(v => !v.Passed);
            if (failed > 0)
            {
                env.Error.WriteLine($"replay failed: {failed} of {verdicts.Count} task{(verdicts.Count == 1 ? "" : "s")} differ from the archive; first: {verdicts.First(v => !v.Passed).Task}: {verdicts.First(v => !v.Passed).Failure}");
                return report.Results.Any(r => r.Outcome == TaskOutcome.HarnessError) ? ExitCodes.HarnessError : ExitCodes.Failed;
            }

            env.Console.WriteLine($"replay passed: all {verdicts.Count} task{(verdicts.Count == 1 ? "" : "s")} match the archive");
            return ExitCodes.Success;
        }
        finally
        {
            TryDelete(work);
        }
    }

    /// <summary>The variant, its exported source, and its recorded exchanges by task id; null after writing why not.</summary>
    private static (VariantRecord Variant, string Source, Dictionary<string, IReadOnlyList<string>> Recordings)? Fetch(CliEnvironment env, ReplayArgs args, string work)
    {
        var local = env.Resolve(args.Archive);
        try
        {
            using var archive = Directory.Exists(local) ? AgentArchive.Open(local) : AgentArchive.Clone(args.Archive, Path.Combine(work, "archive"));
            if (!archive.Contains(args.AgentId))
            {
                env.Error.WriteLine($"error: --agent: the archive {args.Archive} holds no variant '{args.AgentId}' (see evolver archive list --archive {args.Archive})");
                return null;
            }

            var variant = archive.GetVariant(args.AgentId);
            var source = Path.Combine(work, "source");
            archive.Export(args.AgentId, source);
            var recordings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (variant.Logs is not null)
            {
                var logs = Path.Combine(work, "logs");
                archive.ExportLogs(args.AgentId, logs);
                foreach (var task in variant.Evaluation.Tasks)
                {
                    var file = Path.Combine(logs, "llm", ChildLogs.LlmFileName(task.InstanceId));
                    recordings[InstanceId(task.InstanceId)] = File.Exists(file) ? [.. File.ReadAllLines(file).Where(l => l.Length > 0)] : [];
                }
            }

            return (variant, source, recordings);
        }
        catch (ArchiveException e)
        {
            env.Error.WriteLine("error: --archive: " + e.Message);
            return null;
        }
        catch (LibGit2SharpException e)
        {
            env.Error.WriteLine($"error: --archive: git failed on '{args.Archive}': {e.Message}");
            return null;
        }
    }

    private static SuiteSpec? FindSuite(CliEnvironment env, string? path, string? name)
    {
        if (path is not null)
        {
            return SuiteInput.Load(env, path, requireGoldPatch: false);
        }

        var candidates = env.Repo is { } repo && name is not null
            ? new[] { Path.Combine(repo.Root, "benchmarks", "suites", name), Path.Combine(repo.ImportedSuites, name) }.Where(Directory.Exists).ToList()
            : [];
        if (candidates.Count == 0)
        {
            env.Error.WriteLine($"error: --suite: the variant was evaluated on the suite '{name}', which is not under benchmarks/suites or .evolver/suites; name its folder with --suite");
            return null;
        }

        return SuiteInput.Load(env, candidates[0], requireGoldPatch: false, source: $"the suite '{name}'");
    }

    /// <summary>A task's instance id from its key in the record (<c>suite/instance</c> when a run had several suites).</summary>
    private static string InstanceId(string key) => key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>The model the agent asked for when it was recorded, so the replayed agent is told the same name.</summary>
    private static string RecordedModel(Dictionary<string, IReadOnlyList<string>> recordings) =>
        recordings.Values.SelectMany(r => r).Select(line => (string?)JsonNode.Parse(line)?["request"]?["model"]).FirstOrDefault(m => m is not null) ?? "replay";

    private static void Write(CliEnvironment env, IReadOnlyList<ReplayVerdict> verdicts)
    {
        foreach (var v in verdicts)
        {
            var replayed = v.Replayed is { } r ? ReplayVerdict.Word(r) : "not run";
            env.Console.WriteLine($"{(v.Passed ? "PASS" : "FAIL")} {v.Task}: archived {ReplayVerdict.Word(v.Archived)}, replayed {replayed}{(v.Failure is null ? "" : " — " + v.Failure)}");
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder costs disk space only.
        }
    }
}
