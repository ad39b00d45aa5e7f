using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Mutation.Tests.Llm;

/// <summary>
/// A whole llm mutation replayed from a recording of its exchanges: the requests the mutator sends today must be the
/// recorded ones, character for character, and the recorded replies must give the same child. When the prompts or the
/// parent change on purpose, run once with <c>EVOLVER_RERECORD=1</c> to rewrite the recording from the scripted replies.
/// </summary>
public sealed class LlmMutatorReplayTests : IDisposable
{
    private const string Implementation = """
        The fix, as one member replacement:

        <<<<<<< MEMBER Program.cs Fixer
            public async Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
            {
                var readme = Path.Combine(context.RepoPath, "README.md");
                await File.AppendAllTextAsync(readme, $"fixer was here, and checked the task: {context.InstanceId}\n", cancellationToken);
                return new AgentReport("completed", $"appended a checked line to README.md for {context.InstanceId}", Steps: 1);
            }
        >>>>>>> END
        """;

    private readonly MutatorHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task MutateAsync_ReplayedRecording_SendsTheRecordedRequestsAndMakesTheSameChild()
    {
        var path = RecordingPath();
        ExchangeRecording? recording = null;
        ScriptedResponse[] script = [MutatorHarness.Proposal("Make the fixer say that it checked the task."), MutatorHarness.Reply(Implementation)];
        var rerecord = Environment.GetEnvironmentVariable("EVOLVER_RERECORD") == "1";
        if (rerecord)
        {
            harness.Server.Enqueue(script);
        }
        else
        {
            recording = ExchangeRecording.Load(path);
            harness.Server.Responder = recording.Answer;
        }

        var result = await harness.MutateAsync(parent: TestPaths.Agent("fixer"));

        if (rerecord)
        {
            ExchangeRecording.Save(path, "Scripted replies (not a model's) to the llm mutator's requests on tests/agents/fixer; rewrite with EVOLVER_RERECORD=1.", harness.Server.Requests, script);
        }

        Assert.Empty(recording?.Mismatches ?? []);
        Assert.True(result.Succeeded, result.Reason);
        Assert.StartsWith("Make the fixer say that it checked the task.\n", result.Description);
        Assert.Contains("fixer was here, and checked the task: {context.InstanceId}", harness.ChildFile("Program.cs"));
        Assert.Equal(0, recording?.Remaining ?? 0);
        var recorded = JsonNode.Parse(File.ReadAllText(path))!["exchanges"]!.AsArray();
        Assert.Equal(2, recorded.Count);
        Assert.Contains("### Program.cs", recorded[0]!["request"]!["messages"]![1]!["content"]!.GetValue<string>());
    }

    private static string RecordingPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Recordings", "llm-mutation-fixer.json");
}
