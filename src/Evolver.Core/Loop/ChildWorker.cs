namespace Evolver.Core;

/// <summary>
/// Does one job of the run: exports the parents, mutates, builds, evaluates in stages, and archives the variant with
/// its evaluation record and logs. A child that fails at any step is archived as a failed attempt; only a failure to
/// archive, or the run's cancellation, ends the job without a variant (then the saved plan re-does it).
/// </summary>
internal sealed class ChildWorker(LoopContext ctx)
{
    public async Task<ChildResult> RunAsync(ChildPlan plan, LiveChild live, CancellationToken cancellationToken)
    {
        var start = ctx.Time.GetTimestamp();
        var work = Path.Combine(ctx.Options.WorkDirectory, plan.Id);
        Reset(work);
        try
        {
            var logs = new ChildLogs(Path.Combine(work, "logs"));
            var (draft, note, harness) = plan.Kind == ChildKind.Seed
                ? await SeedAsync(plan, work, logs, live, cancellationToken).ConfigureAwait(false)
                : await ChildAsync(plan, work, logs, live, cancellationToken).ConfigureAwait(false);
            live.SetPhase("archive");
            var descriptors = Describe(draft.SourceDirectory, plan);
            var existing = plan.Kind == ChildKind.Seed && ctx.Store.Contains(plan.Id);
            var record = existing
                ? await ctx.Store.UpdateEvaluationAsync(plan.Id, draft.Evaluation, CancellationToken.None).ConfigureAwait(false)
                : await ctx.Store.CommitVariantAsync(draft with { Id = plan.Id, LogsDirectory = logs.Directory }, CancellationToken.None).ConfigureAwait(false);
            var entry = RunHistoryEntry.Of(plan, record.Evaluation, note, ctx.Budget.Usage.Elapsed) with
            {
                Duration = ctx.Time.GetElapsedTime(start), Descriptors = descriptors,
            };
            return new ChildResult(entry, harness);
        }
        finally
        {
            TryDelete(work);
        }
    }

    private async Task<(VariantDraft Draft, string Note, bool Harness)> SeedAsync(
        ChildPlan plan, string work, ChildLogs logs, LiveChild live, CancellationToken cancellationToken)
    {
        // A seed already in the archive (pending evaluation) is built from its archived source.
        var source = plan.SourceDirectory is { } folder && Directory.Exists(folder) ? folder : Path.Combine(work, "seed");
        if (source != plan.SourceDirectory)
        {
            ctx.Store.ExportSource(plan.Id, source);
        }

        var timings = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var build = await BuildAsync(source, work, logs, live, timings, cancellationToken).ConfigureAwait(false);
        var evaluation = new EvaluationRecord
        {
            Status = VariantStatus.CompileFailed,
            Admitted = false,
            Mutator = "seed",
            MutationDescription = plan.SourceDirectory is null ? $"seed {plan.Id}" : $"seed {plan.Id} from {source}",
            Diagnostics = build.Diagnostics,
            Timings = timings,
            Flags = ["compile-error"],
        };
        if (!build.Succeeded)
        {
            return (Draft(source, [], evaluation), "the seed does not compile: " + First(build.Diagnostics), false);
        }

        var staged = await EvaluateAsync(plan, build.Artifact, logs, live, timings, cancellationToken).ConfigureAwait(false);

        // Seeds are the starting population: admitted whatever they score, or there is nothing to select from.
        evaluation = Evaluated(evaluation, staged, admitted: true, timings) with { Flags = [] };
        return (Draft(source, [], evaluation), $"seed: {staged.Resolved}/{staged.Tasks.Count} resolved", staged.AllHarnessErrors);
    }

    private async Task<(VariantDraft Draft, string Note, bool Harness)> ChildAsync(
        ChildPlan plan, string work, ChildLogs logs, LiveChild live, CancellationToken cancellationToken)
    {
        var timings = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var choice = ctx.Options.Mutators[plan.MutatorIndex];
        var parents = new List<MutationParent>();
        for (var i = 0; i < plan.Parents.Count; i++)
        {
            var id = plan.Parents[i];
            var source = Path.Combine(work, $"parent-{i}");
            ctx.Store.ExportSource(id, source);
            var parentLogs = Path.Combine(work, $"parent-{i}-logs");
            parents.Add(new MutationParent(source, id, ctx.Store.GetVariant(id).Evaluation, ctx.Store.ExportLogs(id, parentLogs) ? parentLogs : null));
        }

        live.SetPhase("mutate");
        var started = ctx.Time.GetTimestamp();
        var mutation = await MutateAsync(plan, choice, parents, Path.Combine(work, "child"), cancellationToken).ConfigureAwait(false);
        timings["mutate"] = ctx.Time.GetElapsedTime(started);
        logs.WriteMutation(mutation);
        var tokens = mutation.InputTokens + mutation.OutputTokens;
        if (tokens > 0 || mutation.CostUsd > 0)
        {
            ctx.Budget.RecordLlmUsage(plan.Id, null, tokens, mutation.CostUsd);
        }

        var evaluation = new EvaluationRecord
        {
            Status = VariantStatus.Crashed,
            Admitted = false,
            Mutator = choice.Mutator.Name,
            MutationDescription = mutation.Description.Length > 0 ? mutation.Description : $"{choice.Mutator.Name} mutation",
            InputTokens = mutation.InputTokens,
            OutputTokens = mutation.OutputTokens,
            CostUsd = mutation.CostUsd,
            Diagnostics = mutation.Diagnostics,
            Flags = mutation.Flags,
            Timings = timings,
        };
        switch (mutation.Status)
        {
            case MutationStatus.Failed:
            case MutationStatus.Rejected when mutation.ChildDirectory is null || !Directory.Exists(mutation.ChildDirectory):
                // No child to archive: the attempt is archived with the parent's code, so every iteration leaves a variant.
                evaluation = evaluation with { Diagnostics = [mutation.Reason, .. mutation.Diagnostics], Flags = [.. mutation.Flags, "mutation-failed"] };
                return (Draft(parents[0].SourceDirectory, plan.Parents, evaluation), "mutation failed: " + mutation.Reason, false);
            case MutationStatus.Rejected:
                var status = mutation.Flags.Contains("compile-error") ? VariantStatus.CompileFailed : VariantStatus.Rejected;
                evaluation = evaluation with { Status = status, Diagnostics = [mutation.Reason, .. mutation.Diagnostics] };
                return (Draft(mutation.ChildDirectory!, plan.Parents, evaluation), "rejected: " + mutation.Reason, false);
        }

        var childSource = mutation.ChildDirectory ?? Path.Combine(work, "child");
        var build = await BuildAsync(childSource, work, logs, live, timings, cancellationToken).ConfigureAwait(false);
        if (!build.Succeeded)
        {
            evaluation = evaluation with
            {
                Status = VariantStatus.CompileFailed, Diagnostics = [.. build.Diagnostics, .. mutation.Diagnostics], Flags = [.. mutation.Flags, "compile-error"],
            };
            return (Draft(childSource, plan.Parents, evaluation), "does not compile: " + First(build.Diagnostics), false);
        }

        var staged = await EvaluateAsync(plan, build.Artifact, logs, live, timings, cancellationToken).ConfigureAwait(false);
        evaluation = Evaluated(evaluation, staged, admitted: false, timings);
        string note;
        if (staged.StoppedBy is { } budget && budget.StartsWith("run.", StringComparison.Ordinal))
        {
            // Cut short by the end of the run: its score covers too few tasks to compete.
            evaluation = evaluation with { Flags = [.. evaluation.Flags, "stopped-by-" + budget] };
            note = $"not admitted: its evaluation was cut short by {budget}";
        }
        else
        {
            var decision = ctx.Options.Admission.Decide(evaluation, plan.AdmissionReference);
            evaluation = evaluation with
            {
                Admitted = decision.Admitted, Flags = staged.StoppedBy is { } b ? [.. evaluation.Flags, "stopped-by-" + b] : evaluation.Flags,
            };
            note = (decision.Admitted ? "admitted: " : "not admitted: ") + decision.Reason;
        }

        return (Draft(childSource, plan.Parents, evaluation), note, staged.AllHarnessErrors);
    }

    private async Task<MutationResult> MutateAsync(
        ChildPlan plan, MutatorChoice choice, IReadOnlyList<MutationParent> parents, string output, CancellationToken cancellationToken)
    {
        var request = new MutationRequest
        {
            Parents = parents,
            OutputDirectory = output,
            Seed = plan.Seed,
            Options = choice.Options ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
        try
        {
            return await Bounded.RunAsync(ct => choice.Mutator.MutateAsync(request, ct), ctx.Options.MutationTimeout, ctx.Time, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            return MutationResult.Failure($"the {choice.Mutator.Name} mutation {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A mutator bug costs one child, not the run.
            ctx.Report(new RunEvent(RunEventKind.Warning, $"{plan.Id}: the {choice.Mutator.Name} mutator crashed: {e}") { ChildId = plan.Id });
            return MutationResult.Failure($"the {choice.Mutator.Name} mutator crashed: {e.GetType().Name}: {e.Message}");
        }
    }

    private async Task<ChildBuild> BuildAsync(
        string source, string work, ChildLogs logs, LiveChild live, Dictionary<string, TimeSpan> timings, CancellationToken cancellationToken)
    {
        live.SetPhase("build");
        var started = ctx.Time.GetTimestamp();
        ChildBuild build;
        try
        {
            build = await Bounded.RunAsync(ct => ctx.Builder.BuildAsync(source, Path.Combine(work, "build"), ct), ctx.Options.BuildTimeout, ctx.Time, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            build = new ChildBuild(null, [$"error: the build {e.Message}"]);
        }

        timings["build"] = ctx.Time.GetElapsedTime(started);
        logs.WriteBuild(build);
        return build;
    }

    private async Task<StagedOutcome> EvaluateAsync(
        ChildPlan plan, AgentArtifact agent, ChildLogs logs, LiveChild live, Dictionary<string, TimeSpan> timings, CancellationToken cancellationToken)
    {
        var started = ctx.Time.GetTimestamp();
        var staged = await new StagedEvaluation(ctx).RunAsync(plan, agent with { Name = plan.Id }, logs, live, cancellationToken).ConfigureAwait(false);
        timings["evaluate"] = ctx.Time.GetElapsedTime(started);
        return staged;
    }

    private EvaluationRecord Evaluated(EvaluationRecord record, StagedOutcome staged, bool admitted, Dictionary<string, TimeSpan> timings) => record with
    {
        Status = VariantStatus.Evaluated,
        Admitted = admitted,
        Score = staged.Score,
        InputTokens = record.InputTokens + staged.Tasks.Sum(t => t.InputTokens ?? 0),
        OutputTokens = record.OutputTokens + staged.Tasks.Sum(t => t.OutputTokens ?? 0),
        CostUsd = record.CostUsd + staged.Tasks.Sum(t => t.CostUsd ?? 0),
        Tasks = staged.Tasks,
        Stages = staged.Stages,
        Suite = ctx.Catalog.SuiteName,
        SuiteVersion = ctx.Catalog.SuiteVersion,
        Timings = timings,
    };

    private IReadOnlyDictionary<string, double> Describe(string source, ChildPlan plan)
    {
        if (ctx.Options.Descriptors is not { } describe)
        {
            return new Dictionary<string, double>(StringComparer.Ordinal);
        }

        try
        {
            return describe(source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            ctx.Report(new RunEvent(RunEventKind.Warning, $"{plan.Id}: descriptors not measured: {e.Message}") { ChildId = plan.Id });
            return new Dictionary<string, double>(StringComparer.Ordinal);
        }
    }

    private static VariantDraft Draft(string source, IReadOnlyList<string> parents, EvaluationRecord evaluation) =>
        new() { SourceDirectory = source, Parents = parents, Evaluation = evaluation };

    private static string First(IReadOnlyList<string> lines) => lines.Count == 0 ? "(no diagnostics)" : lines[0];

    private static void Reset(string directory)
    {
        TryDelete(directory);
        Directory.CreateDirectory(directory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover working folder wastes disk, nothing else; the next run of this id clears it.
        }
    }
}
