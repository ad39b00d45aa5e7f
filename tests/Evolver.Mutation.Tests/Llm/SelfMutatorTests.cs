using Evolver.Core;
using Evolver.Sandbox;
using Serilog;
using Xunit;

namespace Evolver.Mutation.Tests.Llm;

/// <summary>One real Docker sandbox for the self mutator's tests.</summary>
public sealed class SelfSandboxFixture : IAsyncLifetime
{
    public const string Image = "evolver-python";

    public DockerSandbox Sandbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await DockerSandbox.CreateAsync(
            new SandboxOptions { MaxAgentSeconds = 60, WarmContainers = 0 }, new LoggerConfiguration().CreateLogger(), TimeProvider.System, null, CancellationToken.None);
        await Sandbox.PrepareAsync([Image], CancellationToken.None);
    }

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}

/// <summary>The self mutator runs the parent in the real sandbox on its own source, and its diff becomes the child.</summary>
public sealed class SelfMutatorTests(SelfSandboxFixture fixture) : IClassFixture<SelfSandboxFixture>, IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task MutateAsync_FixerOnItself_ChildIsTheParentPlusExactlyTheAgentsDiff()
    {
        var parent = TestPaths.Agent("fixer");

        var result = await MutateAsync(new MutationParent(parent, "v3", Evaluation()));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal("appended a line to README.md for self-v3", result.Description);
        Assert.Equal(AgentSourceFiles.FindAll(parent).Append("README.md").Order(StringComparer.Ordinal), AgentSourceFiles.FindAll(dir.Combine("child")));
        Assert.Equal("fixer was here: self-v3\n", File.ReadAllText(dir.Combine("child", "README.md")));

        // The sandbox's diff, git's own format, is exactly what separates the child from the parent.
        var patch = File.ReadAllText(dir.Combine("logs", "self.patch"));
        var gitLines = patch.Split('\n').Where(l => !l.StartsWith("index ", StringComparison.Ordinal));
        Assert.Equal(UnifiedDiff.Compare(parent, dir.Combine("child")), string.Join('\n', gitLines));
        Assert.Contains("status: Completed", File.ReadAllText(dir.Combine("logs", "self-run.txt")));
    }

    [Fact]
    public async Task MutateAsync_AgentReadsItsTask_SeesItsOwnSourceAndAProblemStatementFromItsEvaluation()
    {
        WriteAgent("echo", """
            var files = Directory.GetFiles(context.RepoPath, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(context.RepoPath, f)).Where(f => !f.StartsWith(".git")).Order();
            var text = context.InstanceId + "\n" + context.Language + "\n" + string.Join(",", files) + "\n" + context.ProblemStatement;
            await File.WriteAllTextAsync(Path.Combine(context.RepoPath, "ISSUE.md"), text, cancellationToken);
            return new AgentReport("completed", "Echoed the issue into ISSUE.md.\nNothing else.");
            """);

        var result = await MutateAsync(new MutationParent(dir.Combine("echo"), "v9", Evaluation()));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal("Echoed the issue into ISSUE.md.\n\nEchoed the issue into ISSUE.md.\nNothing else.", result.Description);
        var issue = File.ReadAllText(dir.Combine("child", "ISSUE.md"));
        Assert.StartsWith("self-v9\ncsharp\nProgram.cs\nThis repository is the source of a coding agent: you.", issue);
        Assert.Contains("Its latest evaluation: score 0.5, 1 of 2 tasks of suite evolver 1 resolved.", issue);
        Assert.Contains("- py-lru-cache-recency: Unresolved, 2 FAIL_TO_PASS tests still fail", issue);
        Assert.Contains("`Program.cs` (the entry contract)", issue);
    }

    [Fact]
    public async Task MutateAsync_AgentChangesNothing_FailsWithoutAChild()
    {
        WriteAgent("noop", """
            await Task.Yield();
            return new AgentReport("completed", "nothing to improve");
            """);

        var result = await MutateAsync(new MutationParent(dir.Combine("noop"), "v5", Evaluation()));

        Assert.Equal(MutationStatus.Failed, result.Status);
        Assert.Equal("the agent changed nothing in its own source (Completed; nothing to improve)", result.Reason);
        Assert.False(Directory.Exists(dir.Combine("child")));
    }

    [Fact]
    public async Task MutateAsync_AgentDeletesItsOwnSource_ChildIsRejected()
    {
        var result = await MutateAsync(new MutationParent(TestPaths.Agent("deleter"), "v4", Evaluation()));

        Assert.Equal(MutationStatus.Rejected, result.Status);
        Assert.StartsWith("the child is invalid: error: no C# source file", result.Reason);
        Assert.Equal(["compile-error"], result.Flags);
        Assert.Empty(AgentSourceFiles.FindAll(dir.Combine("child")));
    }

    /// <summary>Writes an agent folder <paramref name="name"/> whose RunAsync has <paramref name="body"/>.</summary>
    private void WriteAgent(string name, string body) => dir.Write(name + "/Program.cs", $$"""
        using Evolver.Agents.Sdk;

        return await AgentHost.RunAsync(new TestAgent(), args);

        internal sealed class TestAgent : IAgent
        {
            public async Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
            {
        {{string.Join('\n', body.Split('\n').Select(l => "        " + l))}}
            }
        }
        """);

    private Task<MutationResult> MutateAsync(MutationParent parent)
    {
        var mutator = new SelfMutator(
            new SelfMutatorOptions { Image = SelfSandboxFixture.Image, AgentSeconds = 60 },
            fixture.Sandbox,
            new AgentBuilder(new AgentBuilderOptions(), TimeProvider.System),
            new AgentValidator(new ValidationOptions(), new AgentBuilderOptions(), TimeProvider.System));
        return mutator.MutateAsync(
            new MutationRequest
            {
                Parents = [parent], OutputDirectory = dir.Combine("child"), Seed = 1,
                Options = new Dictionary<string, string> { [LlmMutator.LogsOption] = dir.Combine("logs") },
            },
            CancellationToken.None);
    }

    private static EvaluationRecord Evaluation() => new()
    {
        Status = VariantStatus.Evaluated, Admitted = true, Score = 0.5, Suite = "evolver", SuiteVersion = "1",
        Tasks =
        [
            new TaskRecord { InstanceId = "py-csv-escaped-quotes", Outcome = TaskOutcome.Resolved },
            new TaskRecord { InstanceId = "py-lru-cache-recency", Outcome = TaskOutcome.Unresolved, Reason = "2 FAIL_TO_PASS tests still fail" },
        ],
    };
}
