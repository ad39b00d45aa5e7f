using System.Text.Json.Nodes;
using Evolver.Core;
using Xunit;

namespace Evolver.Mutation.Tests.Llm;

/// <summary>The llm mutator's two steps and its repair loop, through the real SK client, builder and validator.</summary>
public sealed class LlmMutatorTests : IDisposable
{
    private const string NewSummarize = """
            <<<<<<< MEMBER CoderAgent.cs CoderAgent
                /// <summary>The final answer, labelled, as the report's summary.</summary>
                private static string Summarize(string? content)
                {
                    var text = string.IsNullOrWhiteSpace(content) ? "finished without a summary" : content.Trim();
                    return "coder: " + (text.Length <= 2000 ? text : text[..2000] + "…");
                }
            >>>>>>> END
            """;

    private readonly MutatorHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task MutateAsync_ValidImprovement_WritesAValidChildThatDiffersByTheEdits()
    {
        harness.Server.Enqueue(MutatorHarness.Proposal(), MutatorHarness.Reply($"Here are the edits.\n\n{NewSummarize}\n\n{MutatorHarness.MoreStepsEdit}\n"));

        var result = await harness.MutateAsync();

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(harness.ChildDirectory, result.ChildDirectory);
        Assert.StartsWith("Raise the step limit and label summaries.\n", result.Description);
        Assert.Contains($"Problem (task {MutatorHarness.FailedTaskId})", result.Description);
        Assert.Empty(result.Flags);
        Assert.Equal((7000, 550), (result.InputTokens, result.OutputTokens));

        // The child is the parent with exactly the two edits, spliced where Roslyn found the member.
        var parentAgent = MutatorHarness.ParentFile("CoderAgent.cs");
        var oldSummarize = parentAgent[parentAgent.IndexOf("    private static string Summarize", StringComparison.Ordinal)..parentAgent.LastIndexOf('}')];
        var expected = parentAgent
            .Replace("private const int MaxSteps = 60;", "private const int MaxSteps = 80;", StringComparison.Ordinal)
            .Replace(oldSummarize, """
                    /// <summary>The final answer, labelled, as the report's summary.</summary>
                    private static string Summarize(string? content)
                    {
                        var text = string.IsNullOrWhiteSpace(content) ? "finished without a summary" : content.Trim();
                        return "coder: " + (text.Length <= 2000 ? text : text[..2000] + "…");
                    }

                """, StringComparison.Ordinal);
        Assert.Equal(expected, harness.ChildFile("CoderAgent.cs"));
        var parentFiles = AgentSourceFiles.FindAll(MutatorHarness.ParentDirectory);
        Assert.Equal(parentFiles, AgentSourceFiles.FindAll(harness.ChildDirectory));
        Assert.All(parentFiles.Where(f => f != "CoderAgent.cs"), f => Assert.Equal(MutatorHarness.ParentFile(f), harness.ChildFile(f)));

        // Archive-ready: it builds and validates against its parent.
        var validation = await new AgentValidator(new ValidationOptions(), new AgentBuilderOptions(), TimeProvider.System)
            .ValidateAsync(harness.ChildDirectory, MutatorHarness.ParentDirectory, CancellationToken.None);
        Assert.True(validation.IsValid, validation.Describe());

        // Diagnose saw the source, the evaluation and the failed task's log; Implement saw the proposal and the edit format.
        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        var diagnose = requests[0].LastUserMessage;
        Assert.Contains("### CoderAgent.cs\n```csharp\n", diagnose);
        Assert.Contains("### Tools/EditorTool.cs", diagnose);
        Assert.Contains($"failed task `{MutatorHarness.FailedTaskId}` (outcome: Unresolved; 2 FAIL_TO_PASS tests still fail)", diagnose);
        Assert.Contains(MutatorHarness.LogMarker, diagnose);
        Assert.Contains("score 0.5, 1 of 3 tasks of suite evolver 1 resolved.", diagnose);
        Assert.Equal("system", requests[0].Messages[0].Role);
        Assert.Contains("Program.cs", requests[0].Messages[0].Content);
        var implement = requests[1].LastUserMessage;
        Assert.Contains("Proposal: Raise the step limit and label summaries.", implement);
        Assert.Contains("<<<<<<< SEARCH", implement);

        // Every exchange was logged.
        var log = JsonNode.Parse(File.ReadAllText(harness.Dir.Combine("mutation-logs", "llm-exchanges.json")))!.AsArray();
        Assert.Equal(["diagnose", "implement"], log.Select(e => e!["step"]!.GetValue<string>()));
        Assert.Equal(4000, log[1]!["exchange"]!["input_tokens"]!.GetValue<long>());
    }

    [Fact]
    public async Task MutateAsync_ChildDoesNotCompile_DiagnosticsGoBackAndTheRepairIsKept()
    {
        const string broken = """
            <<<<<<< MEMBER CoderAgent.cs CoderAgent
                private static string Summarize(string? content)
                {
                    return "coder: " + contnet;
                }
            >>>>>>> END
            """;
        const string repaired = """
            <<<<<<< SEARCH CoderAgent.cs
                    return "coder: " + contnet;
            =======
                    return "coder: " + (content ?? "");
            >>>>>>> REPLACE
            """;
        harness.Server.Enqueue(MutatorHarness.Proposal(), MutatorHarness.Reply(broken), MutatorHarness.Reply(repaired));

        var result = await harness.MutateAsync();

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(["repaired"], result.Flags);
        Assert.Contains("return \"coder: \" + (content ?? \"\");", harness.ChildFile("CoderAgent.cs"));
        var requests = harness.Server.Requests;
        Assert.Equal(3, requests.Count);
        var repair = requests[2];
        Assert.Equal(["system", "user", "assistant", "user"], repair.Messages.Select(m => m.Role));
        Assert.Equal(broken, repair.Messages[2].Content);
        Assert.Matches(@"- CoderAgent\.cs:\d+:\d+: error CS0103: The name 'contnet' does not exist", repair.LastUserMessage);
        Assert.Contains("return \"coder: \" + contnet;", repair.LastUserMessage);
    }

    [Fact]
    public async Task MutateAsync_EditsProtectedEntry_IsToldAndRejectedWhenNotRepaired()
    {
        const string entryEdit = """
            <<<<<<< SEARCH Program.cs
            return await AgentHost.RunAsync(new CoderAgent(), args);
            =======
            Console.WriteLine("starting");
            return await AgentHost.RunAsync(new CoderAgent(), args);
            >>>>>>> REPLACE
            """;
        using var strict = new MutatorHarness(new LlmMutatorOptions { MaxRepairRounds = 1 });
        strict.Server.Enqueue(MutatorHarness.Proposal(), MutatorHarness.Reply(entryEdit), MutatorHarness.Reply(entryEdit.Replace("starting", "go", StringComparison.Ordinal)));

        var result = await strict.MutateAsync();

        Assert.Equal(MutationStatus.Rejected, result.Status);
        Assert.Equal(strict.ChildDirectory, result.ChildDirectory);
        Assert.Contains("protected-edit", result.Flags);
        Assert.StartsWith("still invalid after 1 repair round; first problem: ", result.Reason);
        Assert.Contains(result.Diagnostics, d => d.StartsWith("protected-edit: ", StringComparison.Ordinal));
        Assert.Contains("protected-edit", strict.Server.Requests[2].LastUserMessage);
    }

    [Fact]
    public async Task MutateAsync_SearchTextMissing_IsReportedAndRetried()
    {
        const string wrong = """
            <<<<<<< SEARCH CoderAgent.cs
                private const int MaxStepCount = 60;
            =======
                private const int MaxStepCount = 80;
            >>>>>>> REPLACE
            """;
        harness.Server.Enqueue(MutatorHarness.Proposal(), MutatorHarness.Reply(wrong + "\n" + NewSummarize), MutatorHarness.Reply(MutatorHarness.MoreStepsEdit));

        var result = await harness.MutateAsync();

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains("SEARCH CoderAgent.cs: the search text does not occur in the file", harness.Server.Requests[2].LastUserMessage);
        Assert.Contains("private const int MaxSteps = 80;", harness.ChildFile("CoderAgent.cs"));
        Assert.Contains("return \"coder: \"", harness.ChildFile("CoderAgent.cs"));
    }

    [Fact]
    public async Task MutateAsync_SameSeed_DiagnosesTheSameFailedTask()
    {
        harness.Server.Enqueue(MutatorHarness.Proposal(), MutatorHarness.Reply("no code"));

        await harness.MutateAsync(seed: 42);

        // Resolved and harness-error tasks are never diagnosed, so the one unresolved task is always picked.
        Assert.Contains($"`{MutatorHarness.FailedTaskId}`", harness.Server.Requests[0].LastUserMessage);
    }
}
