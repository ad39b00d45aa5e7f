using Evolver.Core;
using Evolver.Llm;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Evolver.Mutation;

/// <summary>
/// The <c>llm</c> mutator, the Darwin Gödel Machine's two steps through Semantic Kernel chat completion. Diagnose: the
/// parent's source and its log on one failed task (picked with the request's seed) give a JSON proposal
/// (<c>problem</c>, <c>proposal</c>, <c>implementation_plan</c>). Implement: the model answers with edit blocks
/// (member replacements located with Roslyn, search/replace, whole files), which are applied to a copy of the parent;
/// the child is compiled with <see cref="AgentBuilder"/> and validated, and compiler and validation problems go back to
/// the model for up to <see cref="LlmMutatorOptions.MaxRepairRounds"/> rounds. The prompts are the files in
/// <c>Prompts/</c>. Every failure (a refusal, a reply that is not a proposal or not code, an oversized reply, a child
/// that stays invalid) is a result value.
/// </summary>
/// <remarks>
/// When the request's options hold <c>logs</c> (a folder), every exchange is written there as <c>llm-exchanges.json</c>.
/// </remarks>
public sealed class LlmMutator : IMutator
{
    /// <summary>The request option naming a folder for the exchange log.</summary>
    public const string LogsOption = "logs";

    private readonly LlmMutatorOptions options;
    private readonly LlmClient client;
    private readonly ChildChecker checker;

    /// <summary>Creates the mutator.</summary>
    /// <param name="options">Caps and repair rounds, validated here.</param>
    /// <param name="client">The model to ask.</param>
    /// <param name="builder">Compiles each child.</param>
    /// <param name="validator">Checks each compiled child against its parent.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public LlmMutator(LlmMutatorOptions options, LlmClient client, AgentBuilder builder, AgentValidator validator)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        options.Validate();
        this.options = options;
        this.client = client;
        checker = new ChildChecker(builder, validator);
    }

    /// <inheritdoc />
    public string Name => "llm";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The output folder exists and is not empty.</exception>
    public async Task<MutationResult> MutateAsync(MutationRequest request, CancellationToken ct)
    {
        if (ChildFolder.CheckSingleParent(request, Name) is { } unfit)
        {
            return unfit;
        }

        var session = new LlmSession(client, options.MaxReplyChars);
        try
        {
            return session.Metered(await MutateAsync(request, request.Parents[0], session, ct).ConfigureAwait(false));
        }
        finally
        {
            if (request.Options.TryGetValue(LogsOption, out var logs))
            {
                await session.WriteLogAsync(logs, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<MutationResult> MutateAsync(MutationRequest request, MutationParent parent, LlmSession session, CancellationToken ct)
    {
        var parentFiles = await ChildFolder.ReadTextFilesAsync(parent.SourceDirectory, ct).ConfigureAwait(false);
        var source = SourceListing.Render(parentFiles.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)));
        if (source.Length > options.MaxSourceChars)
        {
            return MutationResult.Failure($"the parent's source has {source.Length} characters, over the {options.MaxSourceChars}-character prompt cap");
        }

        var task = FailedTask.Pick(parent, new Random(request.Seed), options.MaxLogChars);
        if (task is null)
        {
            return MutationResult.Failure("the parent has no failed task to diagnose (it needs an evaluation with an unresolved task)");
        }

        var system = LlmPrompts.Render("system");
        var diagnose = new ChatHistory(system);
        diagnose.AddUserMessage(LlmPrompts.Render("diagnose", new Dictionary<string, string>
        {
            ["agent_source"] = source,
            ["evaluation_summary"] = FailedTask.Summary(parent.Evaluation),
            ["task_id"] = task.InstanceId,
            ["task_outcome"] = task.Outcome.ToString(),
            ["task_reason"] = task.Reason.Length == 0 ? "no reason recorded" : task.Reason,
            ["task_log"] = task.Log,
        }));
        var (diagnosis, diagnoseProblem) = await session.AskAsync(diagnose, "diagnose", ct).ConfigureAwait(false);
        if (diagnosis is null)
        {
            return MutationResult.Failure(diagnoseProblem);
        }

        var (proposal, notProposal) = DiagnosisProposal.Parse(diagnosis);
        if (proposal is null)
        {
            return MutationResult.Failure($"diagnose: the reply is not a JSON proposal ({notProposal}): {Excerpt(diagnosis)}");
        }

        var implement = new ChatHistory(system);
        implement.AddUserMessage(LlmPrompts.Render("implement", new Dictionary<string, string>
        {
            ["agent_source"] = source,
            ["problem"] = proposal.Problem,
            ["proposal"] = proposal.Proposal,
            ["implementation_plan"] = proposal.ImplementationPlan,
            ["edit_format"] = LlmPrompts.Render("edit-format").TrimEnd(),
        }));
        return await ImplementAsync(request, parent, parentFiles, task, proposal, implement, session, ct).ConfigureAwait(false);
    }

    /// <summary>Asks for edits, applies them, checks the child, and sends its problems back until it is valid or the rounds run out.</summary>
    private async Task<MutationResult> ImplementAsync(
        MutationRequest request,
        MutationParent parent,
        IReadOnlyDictionary<string, string> parentFiles,
        FailedTask task,
        DiagnosisProposal proposal,
        ChatHistory implement,
        LlmSession session,
        CancellationToken ct)
    {
        var description = Describe(proposal, task);
        var applier = new EditApplier(parentFiles);
        ChildCheck? check = null;
        for (var round = 0; ; round++)
        {
            var step = round == 0 ? "implement" : $"repair {round}";
            var (reply, problem) = await session.AskAsync(implement, step, ct).ConfigureAwait(false);
            if (reply is null)
            {
                return Unfinished(request, check, description, problem);
            }

            implement.AddAssistantMessage(reply);
            var (blocks, problems) = EditParser.Parse(reply);
            if (blocks.Count == 0)
            {
                var why = problems.Count > 0 ? string.Join("; ", problems) : "no edit block, so no code";
                return Unfinished(request, check, description, $"{step}: the reply holds {why}: {Excerpt(reply)}");
            }

            if (blocks.Count > options.MaxEdits)
            {
                return Unfinished(request, check, description, $"{step}: the reply holds {blocks.Count} edit blocks, over the cap of {options.MaxEdits}");
            }

            var editProblems = problems.Concat(blocks.Select(applier.Apply).OfType<string>()).ToList();
            if (applier.Changed.Count == 0)
            {
                return Unfinished(request, check, description, $"{step}: no edit could be applied: {string.Join("; ", editProblems)}");
            }

            await ChildFolder.WriteAsync(parent.SourceDirectory, request.OutputDirectory, applier, ct).ConfigureAwait(false);
            check = await checker.CheckAsync(request.OutputDirectory, parent.SourceDirectory, editProblems, ct).ConfigureAwait(false);
            // Out of rounds with a valid child whose only flaw is an edit that did not apply: the child is still usable.
            if (check.Problems.Count == 0 || (check.Valid && round == options.MaxRepairRounds))
            {
                var result = MutationResult.Success(request.OutputDirectory, description, check.Diagnostics);
                return round == 0 ? result : result with { Flags = ["repaired"] };
            }

            if (round == options.MaxRepairRounds)
            {
                return Rejected(request, check, description, $"still invalid after {round} repair round{(round == 1 ? "" : "s")}");
            }

            implement.AddUserMessage(LlmPrompts.Render("repair", new Dictionary<string, string>
            {
                ["problems"] = string.Join("\n", check.Problems.Select(p => "- " + p)),
                ["changed_source"] = SourceListing.Cut(
                    SourceListing.Render(applier.Changed.Select(p => KeyValuePair.Create(p, applier.Files[p]))), options.MaxSourceChars),
            }));
        }
    }

    /// <summary>A failure before any child was written, or a rejection of the last child when there is one.</summary>
    private static MutationResult Unfinished(MutationRequest request, ChildCheck? check, string description, string reason) =>
        check is null ? MutationResult.Failure(reason, description) : Rejected(request, check, description, reason);

    private static MutationResult Rejected(MutationRequest request, ChildCheck check, string description, string reason) =>
        MutationResult.Rejection(request.OutputDirectory, description, $"{reason}; first problem: {check.Problems[0]}", check.Diagnostics, check.Flags);

    private static string Describe(DiagnosisProposal proposal, FailedTask task)
    {
        var headline = proposal.Proposal.Split('\n', 2)[0];
        if (headline.Length > 100)
        {
            headline = headline[..100].TrimEnd() + "…";
        }

        return $"{headline}\n\nProblem (task {task.InstanceId}): {proposal.Problem}\n\nProposal: {proposal.Proposal}\n\nPlan: {proposal.ImplementationPlan}";
    }

    private static string Excerpt(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= 200 ? $"\"{line}\"" : $"\"{line[..200]}…\"";
    }
}
