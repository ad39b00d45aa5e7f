using Evolver.Core;
using Evolver.Llm;
using Evolver.Llm.Tests.Protocol;
using Evolver.Mutation;
using Evolver.Sandbox;
using Serilog;
using Xunit;

using Evolver.Sandbox.Tests;

namespace Evolver.Gateway.Tests;

/// <summary>One envdump run in the sandbox with the gateway, shared by the tests that read its findings.</summary>
public sealed class EnvDumpRun : IAsyncLifetime
{
    public const string Secret = "sk-evolver-gateway-secret-4b7d91";

    /// <summary>The task run's llm_tokens budget, which the agent must be told.</summary>
    public const long TaskTokens = 50_000;

    public const string KeyVariable = "EVOLVER_GATEWAY_SANDBOX_TEST_KEY";
    private readonly string agentOut = Path.Combine(Path.GetTempPath(), "evolver-gw-envdump-" + Guid.NewGuid().ToString("N")[..8]);
    
    
    

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(KeyVariable, Secret);
        try
        {
            using var provider = ProviderTestServer.Start();
            provider.Enqueue(OpenAIWire.Completion("pong from the provider"));
            using var client = LlmClient.Create(new LlmOptions { BaseUrl = provider.BaseUrl, Model = "sandbox-model", ApiKeyVariable = KeyVariable }, TimeProvider.System);
            await using var gateway = await LlmGateway.StartAsync(new GatewayOptions { Budgets = new BudgetOptions { PerTask = new BudgetLimits { LlmTokens = TaskTokens } } }, client, TimeProvider.System, CancellationToken.None);
            var options = new SandboxOptions { MaxAgentSeconds = 150, WarmContainers = 0, GatewaySocketDirectory = gateway.SocketDirectory };
            await using var sandbox = await DockerSandbox.CreateAsync(options, new LoggerConfiguration().CreateLogger(), TimeProvider.System, null, CancellationToken.None);

            var suite = SuiteLoader.Load(RepoRoot.Combine("benchmarks", "suites", "evolver"), requireGoldPatch: true).Suite!;
            var task = suite.Tasks.Single(t => t.InstanceId == "py-lru-cache-recency");
            var build = await new AgentBuilder(new AgentBuilderOptions(), TimeProvider.System).BuildAsync(RepoRoot.Combine("tests", "agents", "envdump"), agentOut, CancellationToken.None);
            Assert.True(build.Succeeded, build.Describe());

            Result = await new TaskEvaluator(sandbox, TimeProvider.System, gateway).EvaluateAsync(task, build.Artifact! with { Name = "envdump" }, CancellationToken.None);
            Assert.True(Result.Solve.Status == AgentStatus.Completed, Result.Solve.Reason + "\n" + Result.Solve.OutputTail);
            Findings = PatchText.AddedFileText(Result.Solve.Patch, "findings.txt");
            ProviderRequests = provider.Requests;
        }
        finally
        {
            Environment.SetEnvironmentVariable(KeyVariable, null);
        }
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(agentOut))
        {
            Directory.Delete(agentOut, recursive: true);
        }

        return Task.CompletedTask;
    }

    public string Findings { get; private set; } = "";

    public TaskResult Result { get; private set; } = null!;

    internal IReadOnlyList<RecordedRequest> ProviderRequests { get; private set; } = [];
}
