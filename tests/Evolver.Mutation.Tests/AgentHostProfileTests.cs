using System.Text.Json;
using Evolver.Agents.Sdk;
using Xunit;

namespace Evolver.Mutation.Tests;

/// <summary>The SDK writes an agent's time profile into its report, however the run ends; agents without one are unchanged.</summary>
public sealed class AgentHostProfileTests : IDisposable
{
    private const string Waiter = """
        using Evolver.Agents.Sdk;

        return await AgentHost.RunAsync(new Waiter(), args);

        internal sealed class Waiter : IAgent
        {
            public TimeProfile Profile { get; } = new();

            public async Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
            {
                Profile.Add("Waiter.PollSeconds", TimeSpan.FromSeconds(1.5), 1, TimeSpan.FromSeconds(1.5));
                Profile.Add("Waiter.PollSeconds", TimeSpan.FromSeconds(0.5));
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return new AgentReport("completed", "never reached");
            }
        }
        """;

    private const string Plain = """
        using Evolver.Agents.Sdk;

        return await AgentHost.RunAsync(new Plain(), args);

        internal sealed class Plain : IAgent
        {
            public Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken) =>
                Task.FromResult(new AgentReport("completed", "nothing to do", 2));
        }
        """;

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task RunAsync_AgentStoppedAtTheDeadline_ReportKeepsItsProfile()
    {
        var (exit, json) = await RunAsync(Waiter, deadlineSeconds: 5);

        Assert.Equal(1, exit);
        var report = JsonSerializer.Deserialize<AgentReport>(json, AgentContext.JsonOptions)!;
        Assert.Equal(("gave_up", "stopped at the deadline"), (report.Status, report.Summary));
        Assert.Equal([new TimeProfileEntry("Waiter.PollSeconds", 2, 2, 1, 1.5)], report.Profile);
        Assert.Contains("\"expired_seconds\": 1.5", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AgentWithoutProfile_WritesTheReportAsBefore()
    {
        var (exit, json) = await RunAsync(Plain, deadlineSeconds: 60);

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(["status", "summary", "steps"], doc.RootElement.EnumerateObject().Select(p => p.Name));
    }

    private async Task<(int ExitCode, string Report)> RunAsync(string program, int deadlineSeconds)
    {
        dir.Write("agent/Program.cs", program);
        dir.Write("repo/README.md", "# demo\n");
        var built = await new AgentBuilder(new AgentBuilderOptions(), TimeProvider.System).BuildAsync(dir.Combine("agent"), dir.Combine("out"), CancellationToken.None);
        Assert.True(built.Succeeded, built.Describe());
        var context = new AgentContext
        {
            InstanceId = "t",
            ProblemStatement = "Nothing.",
            RepoPath = dir.Combine("repo"),
            Language = "python",
            Budget = new AgentBudget(deadlineSeconds, TimeProvider.System.GetUtcNow().AddSeconds(deadlineSeconds), 1 << 20),
        };
        var input = dir.Write("input.json", context.ToJson());
        var report = dir.Combine("report.json");

        var (exit, log) = await DotnetRun.RunAsync(
            Path.Combine(built.Artifact.BuildDirectory!, AgentBuilder.EntryAssembly), ["--input", input, "--report", report], null, TimeSpan.FromSeconds(60));

        Assert.True(File.Exists(report), log);
        return (exit, File.ReadAllText(report));
    }
}
