using System.Text.Json;
using Evolver.Archive;
using Evolver.Core;
using Evolver.Mutation;
using LibGit2Sharp;

namespace Evolver.Cli;

/// <summary>
/// <c>evolver mutate</c>: exports the parents from the archive to a temporary folder, runs the mutator, validates the
/// child, and archives it as a new variant of those parents: pending evaluation, or a failed attempt with its reason.
/// </summary>
internal static class MutateRun
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Runs one mutation. Exit 0 for a valid child, 1 for a failed attempt archived, 2 for bad input, 3 when the sandbox is missing.</summary>
    public static async Task<int> RunAsync(CliEnvironment env, MutateRequestArgs args, CancellationToken ct)
    {
        if (args.Parents.Count > 1 && args.Mutator != "gp")
        {
            return ArchiveAccess.Fail(env, $"--parent: the {args.Mutator} mutator takes one parent; only gp does crossover of two.");
        }

        if (args.Parents.Distinct(StringComparer.Ordinal).Count() != args.Parents.Count)
        {
            return ArchiveAccess.Fail(env, "--parent: a crossover needs two different parents.");
        }

        using var logging = CliLogging.Start(env, "mutate");
        var work = Directory.CreateTempSubdirectory("evolver-mutate-").FullName;
        try
        {
            using var archive = AgentArchive.Open(env.Resolve(args.Archive));
            var parents = ExportParents(archive, args.Parents, work);
            var validator = new AgentValidator(new ValidationOptions(), new AgentBuilderOptions(), env.Time);
            var (mutators, code) = await MutateMutators.CreateAsync(env, logging.Logger, args.Mutator, args.Config, validator, ct).ConfigureAwait(false);
            await using (mutators.ConfigureAwait(false))
            {
                if (mutators.Mutator is not { } mutator)
                {
                    return code;
                }

                var outcome = await MutateAsync(env, mutator, validator, parents, args, work, ct).ConfigureAwait(false);
                var logs = Path.Combine(work, "logs");
                await WriteLogsAsync(logs, outcome, ct).ConfigureAwait(false);
                var child = await archive.CommitVariantAsync(
                    new VariantDraft { SourceDirectory = outcome.SourceDirectory, Parents = args.Parents, Evaluation = outcome.Evaluation, LogsDirectory = logs },
                    CancellationToken.None).ConfigureAwait(false);
                logging.Logger.Information("Archived {Id} from {Parents} by {Mutator}: {Status}", child.Id, args.Parents, args.Mutator, child.Evaluation.Status);
                MutateView.Write(env, child, outcome, args.Json);
                return outcome.Valid ? ExitCodes.Success : ExitCodes.Failed;
            }
        }
        catch (ArchiveException e)
        {
            return ArchiveAccess.Fail(env, e.Message);
        }
        catch (LibGit2SharpException e)
        {
            return ArchiveAccess.Fail(env, $"git failed on the archive '{env.Resolve(args.Archive)}': {e.Message}");
        }
        finally
        {
            TryDelete(work);
        }
    }

    /// <summary>Writes each parent's source (and its archived logs, when it has some) under <paramref name="work"/>.</summary>
    private static List<MutationParent> ExportParents(AgentArchive archive, IReadOnlyList<string> ids, string work)
    {
        var parents = new List<MutationParent>();
        for (var i = 0; i < ids.Count; i++)
        {
            var record = archive.GetVariant(ids[i]);
            var source = Path.Combine(work, $"parent-{i}");
            archive.Export(ids[i], source);
            string? logs = null;
            if (record.Logs is not null)
            {
                logs = Path.Combine(work, $"parent-{i}-logs");
                archive.ExportLogs(ids[i], logs);
            }

            parents.Add(new MutationParent(source, ids[i], record.Evaluation, logs));
        }

        return parents;
    }

    private static async Task<MutateOutcome> MutateAsync(
        CliEnvironment env, IMutator mutator, AgentValidator validator, List<MutationParent> parents, MutateRequestArgs args, string work, CancellationToken ct)
    {
        var options = new Dictionary<string, string>(args.Options, StringComparer.Ordinal) { [LlmMutator.LogsOption] = Path.Combine(work, "logs") };
        var request = new MutationRequest { Parents = parents, OutputDirectory = Path.Combine(work, "child"), Seed = args.Seed, Options = options };
        var timings = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var started = env.Time.GetTimestamp();
        MutationResult mutation;
        try
        {
            mutation = await mutator.MutateAsync(request, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A mutator bug costs this child, recorded as a failed attempt, as it would in a run.
            mutation = MutationResult.Failure($"the {mutator.Name} mutator crashed: {e.GetType().Name}: {e.Message}");
        }

        timings["mutate"] = env.Time.GetElapsedTime(started);
        ValidationResult? validation = null;
        if (mutation.Status != MutationStatus.Failed && mutation.ChildDirectory is { } child && Directory.Exists(child))
        {
            started = env.Time.GetTimestamp();
            validation = await validator.ValidateAsync(child, parents[0].SourceDirectory, ct).ConfigureAwait(false);
            timings["validate"] = env.Time.GetElapsedTime(started);
        }

        return MutateOutcome.Of(mutator.Name, mutation, validation, parents[0].SourceDirectory, timings);
    }

    /// <summary>Adds the mutation's result and the validation to the logs folder the mutator wrote (its LLM exchanges, its run).</summary>
    private static async Task WriteLogsAsync(string logs, MutateOutcome outcome, CancellationToken ct)
    {
        Directory.CreateDirectory(logs);
        var m = outcome.Mutation;
        var mutation = new Dictionary<string, object?>
        {
            ["status"] = m.Status.ToString(),
            ["description"] = m.Description,
            ["reason"] = m.Reason,
            ["diagnostics"] = m.Diagnostics,
            ["flags"] = m.Flags,
            ["input_tokens"] = m.InputTokens,
            ["output_tokens"] = m.OutputTokens,
            ["cost_usd"] = m.CostUsd,
        };
        await File.WriteAllTextAsync(Path.Combine(logs, "mutation.json"), JsonSerializer.Serialize(mutation, Indented), ct).ConfigureAwait(false);
        if (outcome.Validation is { } v)
        {
            var text = $"{v.Summary}\n\n{v.Describe()}\n\ncompiler:\n{string.Join('\n', v.CompilerDiagnostics)}\n";
            await File.WriteAllTextAsync(Path.Combine(logs, "validation.txt"), text, ct).ConfigureAwait(false);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the system's temp cleaner takes the rest.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
