using System.Text.Json.Nodes;
using Evolver.Core;
using Evolver.Llm;
using Evolver.Llm.Tests.Protocol;

namespace Evolver.Mutation.Tests.Llm;

/// <summary>
/// The llm mutator wired to real parts: the SK client against the provider test double over HTTP, the real
/// AgentBuilder and AgentValidator, and the coder seed as the parent, with an evaluation that failed one task and a log.
/// </summary>
internal sealed class MutatorHarness : IDisposable
{
    public const string FailedTaskId = "py-lru-cache-recency";
    public const string LogMarker = "KeyError: 'recency' at cache.py:41";

    /// <summary>A search/replace edit of the coder seed that raises its step limit.</summary>
    public const string MoreStepsEdit = """
        <<<<<<< SEARCH CoderAgent.cs
            private const int MaxSteps = 60;
        =======
            private const int MaxSteps = 80;
        >>>>>>> REPLACE
        """;

    /// <param name="options">The mutator's settings; null for the defaults.</param>
    /// <param name="llm">Makes the client's settings from the test double's base URL; null for defaults with short retries.</param>
    public MutatorHarness(LlmMutatorOptions? options = null, Func<string, LlmOptions>? llm = null)
    {
        Dir.Write("logs/" + FailedTaskId + "/agent.log", "step 1: bash pytest\n" + LogMarker + "\nstep 2: gave up\n");
        Client = LlmClient.Create(
            llm?.Invoke(Server.BaseUrl) ?? new LlmOptions { BaseUrl = Server.BaseUrl, Model = "test-model", RetryBaseDelay = TimeSpan.FromMilliseconds(100) },
            TimeProvider.System);
        Mutator = new LlmMutator(
            options ?? new LlmMutatorOptions(),
            Client,
            new AgentBuilder(new AgentBuilderOptions(), TimeProvider.System),
            new AgentValidator(new ValidationOptions(), new AgentBuilderOptions(), TimeProvider.System));
    }

    public ProviderTestServer Server { get; } = ProviderTestServer.Start();

    public TempDirectory Dir { get; } = new();

    public LlmClient Client { get; }

    public LlmMutator Mutator { get; }

    public static string ParentDirectory => SeedPaths.Seed("coder");

    public string ChildDirectory => Dir.Combine("child");

    public static string ParentFile(string path) => File.ReadAllText(Path.Combine(ParentDirectory, path));

    public string ChildFile(string path) => File.ReadAllText(Path.Combine(ChildDirectory, path));

    public static ScriptedResponse Proposal(string proposal = "Raise the step limit and label summaries.") =>
        OpenAIWire.Completion(new JsonObject
        {
            ["problem"] = "The agent ran out of steps before it could run the tests again.",
            ["proposal"] = proposal,
            ["implementation_plan"] = "Change MaxSteps in CoderAgent.cs and prefix the summary in Summarize.",
        }.ToJsonString(), promptTokens: 3000, completionTokens: 150);

    public static ScriptedResponse Reply(string text) => OpenAIWire.Completion(text, promptTokens: 4000, completionTokens: 400);

    /// <summary>Mutates <paramref name="parent"/> (the coder seed by default) into <see cref="ChildDirectory"/>.</summary>
    public Task<MutationResult> MutateAsync(int seed = 1, string? parent = null) => Mutator.MutateAsync(
        new MutationRequest
        {
            Parents = [new MutationParent(parent ?? ParentDirectory, "v7", Evaluation(), Dir.Combine("logs"))],
            OutputDirectory = ChildDirectory,
            Seed = seed,
            Options = new Dictionary<string, string> { [LlmMutator.LogsOption] = Dir.Combine("mutation-logs") },
        },
        CancellationToken.None);

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
        Dir.Dispose();
    }

    private static EvaluationRecord Evaluation() => new()
    {
        Status = VariantStatus.Evaluated,
        Admitted = true,
        Score = 0.5,
        Suite = "evolver",
        SuiteVersion = "1",
        Tasks =
        [
            new TaskRecord { InstanceId = "py-csv-escaped-quotes", Outcome = TaskOutcome.Resolved },
            new TaskRecord { InstanceId = FailedTaskId, Outcome = TaskOutcome.Unresolved, Reason = "2 FAIL_TO_PASS tests still fail" },
            new TaskRecord { InstanceId = "cs-money-allocate", Outcome = TaskOutcome.HarnessError, Reason = "image missing" },
        ],
    };
}
