using System.Text;
using Evolver.Core;

namespace Evolver.Mutation;

/// <summary>
/// The <c>self</c> mutator: the parent agent runs in the sandbox on a task whose repository is its own source and whose
/// problem statement (<c>Prompts/self.md</c>) asks it to improve itself, built from its evaluation record. Its diff,
/// applied to a copy of the parent's source, is the child, which is then compiled and validated.
/// </summary>
/// <remarks>
/// An LLM agent needs the gateway inside the sandbox to do anything here. When the request's options hold <c>logs</c>
/// (a folder), the agent's diff is written there as <c>self.patch</c> and its run as <c>self-run.txt</c>.
/// </remarks>
public sealed class SelfMutator : IMutator
{
    private readonly SelfMutatorOptions options;
    private readonly ISandbox sandbox;
    private readonly AgentBuilder builder;
    private readonly ChildChecker checker;

    /// <summary>Creates the mutator.</summary>
    /// <param name="options">Image and time limit, validated here.</param>
    /// <param name="sandbox">Runs the parent.</param>
    /// <param name="builder">Builds the parent to run and compiles the child.</param>
    /// <param name="validator">Checks the child against its parent.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public SelfMutator(SelfMutatorOptions options, ISandbox sandbox, AgentBuilder builder, AgentValidator validator)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(builder);
        options.Validate();
        this.options = options;
        this.sandbox = sandbox;
        this.builder = builder;
        checker = new ChildChecker(builder, validator);
    }

    /// <inheritdoc />
    public string Name => "self";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The output folder exists and is not empty.</exception>
    public async Task<MutationResult> MutateAsync(MutationRequest request, CancellationToken ct)
    {
        if (ChildFolder.CheckSingleParent(request, Name) is { } unfit)
        {
            return unfit;
        }

        var parent = request.Parents[0];
        var work = Directory.CreateTempSubdirectory("evolver-self-").FullName;
        try
        {
            var build = await builder.BuildAsync(parent.SourceDirectory, Path.Combine(work, "agent"), ct).ConfigureAwait(false);
            if (!build.Succeeded)
            {
                return MutationResult.Failure("the parent does not build: " + build.Diagnostics.FirstOrDefault());
            }

            var task = SelfTask(parent, Path.Combine(work, "task"));
            var solve = await sandbox.SolveAsync(task, build.Artifact with { Name = parent.Id ?? build.Artifact.Name }, ct).ConfigureAwait(false);
            if (request.Options.TryGetValue(LlmMutator.LogsOption, out var logs))
            {
                await WriteLogsAsync(logs, solve, ct).ConfigureAwait(false);
            }

            if (solve.Patch.Length == 0)
            {
                var said = solve.Report is null ? "" : ReportSummary(solve.Report);
                var ran = string.Join("; ", new[] { solve.Status.ToString(), solve.Reason, said }.Where(s => s.Length > 0));
                return MutationResult.Failure($"the agent changed nothing in its own source ({ran})");
            }

            ChildFolder.CopySource(parent.SourceDirectory, request.OutputDirectory);
            if (await PatchApplier.ApplyAsync(request.OutputDirectory, solve.Patch, ct).ConfigureAwait(false) is { } problem)
            {
                Directory.Delete(request.OutputDirectory, recursive: true);
                return MutationResult.Failure("the agent's diff does not apply to its source: " + problem);
            }

            var description = Describe(solve);
            var check = await checker.CheckAsync(request.OutputDirectory, parent.SourceDirectory, [], ct).ConfigureAwait(false);
            return check.Valid
                ? MutationResult.Success(request.OutputDirectory, description, check.Diagnostics)
                : MutationResult.Rejection(request.OutputDirectory, description, "the child is invalid: " + check.Problems[0], check.Diagnostics, check.Flags);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A task whose repository is a copy of the parent's source, asking the parent to improve itself.</summary>
    private TaskSpec SelfTask(MutationParent parent, string directory)
    {
        ChildFolder.CopySource(parent.SourceDirectory, Path.Combine(directory, "repo"));
        var failures = parent.Evaluation?.Tasks.Where(t => !t.Resolved).Take(options.MaxFailuresShown).ToList() ?? [];
        var listed = failures.Count == 0
            ? "No failed task is recorded."
            : "Tasks it failed:\n" + string.Join("\n", failures.Select(t => $"- {t.InstanceId}: {t.Outcome}{(t.Reason.Length > 0 ? ", " + t.Reason : "")}"));
        return new TaskSpec
        {
            InstanceId = "self-" + (parent.Id ?? "agent"),
            ProblemStatement = LlmPrompts.Render("self", new Dictionary<string, string>
            {
                ["evaluation_summary"] = FailedTask.Summary(parent.Evaluation),
                ["failures"] = listed,
            }),
            Language = "csharp",
            Image = options.Image,
            TestCommand = "true",
            TestFormat = TestFormat.ExitCode,
            FailToPass = [],
            PassToPass = [],
            Timeouts = new TaskTimeouts(options.AgentSeconds, TaskTimeouts.DefaultTestSeconds),
            Directory = directory,
        };
    }

    /// <summary>The agent's own summary of its change (first line as the headline), or a plain label when it wrote none.</summary>
    private static string Describe(SolveResult solve)
    {
        var summary = solve.Report is null ? "" : ReportSummary(solve.Report);
        if (summary.Length == 0)
        {
            return "self-modification (the agent wrote no summary)";
        }

        var headline = summary.Split('\n', 2)[0];
        return headline == summary && headline.Length <= 100
            ? summary
            : (headline.Length <= 100 ? headline : headline[..100] + "…") + "\n\n" + summary;
    }

    private static string ReportSummary(string report)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(report);
            return json.RootElement.TryGetProperty("summary", out var summary) ? summary.GetString()?.Trim() ?? "" : "";
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }

    private static async Task WriteLogsAsync(string directory, SolveResult solve, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "self.patch"), solve.Patch, cancellationToken).ConfigureAwait(false);
        var run = new StringBuilder()
            .Append("status: ").Append(solve.Status).Append('\n')
            .Append("exit code: ").Append(solve.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none").Append('\n')
            .Append("reason: ").Append(solve.Reason).Append('\n')
            .Append("duration: ").Append(solve.Duration).Append('\n')
            .Append("report: ").Append(solve.Report ?? "none").Append('\n')
            .Append("output tail:\n").Append(solve.OutputTail).Append('\n');
        await File.WriteAllTextAsync(Path.Combine(directory, "self-run.txt"), run.ToString(), cancellationToken).ConfigureAwait(false);
    }
}
