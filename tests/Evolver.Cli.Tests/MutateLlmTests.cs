using System.Text.Json.Nodes;
using Evolver.Core;
using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>
/// <c>evolver mutate --mutator llm</c> through the real SK client against the OpenAI-protocol test double, on an archive
/// made by <c>evolver init --seed coder</c> whose child v1 failed a task and has its log archived.
/// </summary>
[Collection(MutateCollection.Name)]
public sealed class MutateLlmTests : IAsyncLifetime, IDisposable
{
    private const string FailedTask = "py-lru-cache-recency";
    private const string LogMarker = "KeyError: 'recency' at cache.py:41";

    private const string MoreSteps = """
        <<<<<<< SEARCH CoderAgent.cs
            private const int MaxSteps = 60;
        =======
            private const int MaxSteps = 80;
        >>>>>>> REPLACE
        """;

    private readonly ArchiveTestBed bed = new();
    private readonly ProviderTestServer server = ProviderTestServer.Start();

    public async Task InitializeAsync()
    {
        await bed.InitAsync("coder");
        var logs = bed.Work.Combine("parent-logs");
        Directory.CreateDirectory(Path.Combine(logs, FailedTask));
        await File.WriteAllTextAsync(Path.Combine(logs, FailedTask, "agent.log"), "step 1: bash pytest\n" + LogMarker + "\n");
        await bed.AddChildAsync(["v0"], Evaluation(), "CoderAgent.cs", logs);
        await File.WriteAllTextAsync(bed.Work.Combine("config.json"), new JsonObject
        {
            ["llm"] = new JsonObject { ["provider"] = "OpenAI", ["base_url"] = server.BaseUrl, ["model"] = "test-model", ["retry_base_delay"] = "00:00:00.050" },
        }.ToJsonString());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        server.Dispose();
        bed.Dispose();
    }

    [Fact]
    public async Task Mutate_ValidImprovement_ArchivesAValidatedChildOfTheParentWithItsExchanges()
    {
        server.Enqueue(Proposal(), OpenAIWire.Completion("Here is the edit.\n\n" + MoreSteps + "\n", promptTokens: 4000, completionTokens: 400));

        var tempBefore = MutateCollection.TempFolders();

        var run = await MutateAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("child v2 of v1 by llm (generation 2", run.Out);
        Assert.Contains("validation: valid", run.Out);
        Assert.Contains("archived v2: valid, pending evaluation, not admitted yet", run.Out);

        // The diagnose step saw the parent's archived log of its failed task.
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(LogMarker, server.Requests[0].LastUserMessage);
        Assert.Contains(FailedTask, server.Requests[0].LastUserMessage);

        var show = JsonNode.Parse((await bed.RunAsync("archive", "show", "v2", "--json")).Out)!;
        Assert.Equal(["v1"], show["parents"]!.AsArray().Select(p => p!.GetValue<string>()));
        var evaluation = show["evaluation"]!;
        Assert.Equal("pending", evaluation["status"]!.GetValue<string>());
        Assert.False(evaluation["admitted"]!.GetValue<bool>());
        Assert.Equal("llm", evaluation["mutator"]!.GetValue<string>());
        Assert.StartsWith("Raise the step limit.", evaluation["mutation_description"]!.GetValue<string>());
        Assert.Equal((7000, 550), (evaluation["input_tokens"]!.GetValue<long>(), evaluation["output_tokens"]!.GetValue<long>()));
        Assert.True(evaluation["timings"]!["validate"]!.GetValue<double>() > 0);

        // The code change is the edit, against the parent; the logs hold the exchanges, the result and the validation.
        var diff = (await bed.RunAsync("archive", "diff", "v2")).Out;
        Assert.Contains("-    private const int MaxSteps = 60;\n+    private const int MaxSteps = 80;", diff);
        var export = await bed.RunAsync("archive", "export", "v2", "out", "--logs", "out-logs");
        Assert.True(export.ExitCode == 0, export.ToString());
        var exchanges = JsonNode.Parse(await File.ReadAllTextAsync(bed.Work.Combine("out-logs", "llm-exchanges.json")))!.AsArray();
        Assert.Equal(["diagnose", "implement"], exchanges.Select(e => e!["step"]!.GetValue<string>()));
        Assert.StartsWith("valid", await File.ReadAllTextAsync(bed.Work.Combine("out-logs", "validation.txt")));
        Assert.Equal("Succeeded", JsonNode.Parse(await File.ReadAllTextAsync(bed.Work.Combine("out-logs", "mutation.json")))!["status"]!.GetValue<string>());
        Assert.Equal(0, (await bed.RunAsync("archive", "fsck")).ExitCode);
        Assert.Equal(tempBefore, MutateCollection.TempFolders());
    }

    [Fact]
    public async Task Mutate_ProtectedEditNeverRepaired_ArchivesARejectedFailedAttemptAndExitsOne()
    {
        const string entryEdit = """
            <<<<<<< SEARCH Program.cs
            return await AgentHost.RunAsync(new CoderAgent(), args);
            =======
            Console.WriteLine("starting");
            return await AgentHost.RunAsync(new CoderAgent(), args);
            >>>>>>> REPLACE
            """;
        server.Enqueue([Proposal(), .. Enumerable.Range(0, 4).Select(_ => OpenAIWire.Completion(entryEdit))]);

        var run = await MutateAsync("--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var result = JsonNode.Parse(run.Out)!;
        Assert.Equal("v2", result["id"]!.GetValue<string>());
        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Equal("rejected", result["status"]!.GetValue<string>());
        Assert.Contains("protected-edit", result["flags"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Contains(result["validation"]!["issues"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "protected-edit");
        Assert.StartsWith("still invalid after 3 repair rounds", result["reason"]!.GetValue<string>());

        // The failed attempt is in the archive, marked in the tree, with the offending code kept for analysis.
        var tree = await bed.RunAsync("archive", "tree");
        Assert.Contains("✗ v2  score 0.000  rejected, not admitted", tree.Out);
        Assert.Contains("+Console.WriteLine(\"starting\");", (await bed.RunAsync("archive", "diff", "v2")).Out);
    }

    [Fact]
    public async Task Mutate_ModelRefuses_ArchivesTheAttemptWithTheParentsCodeAndTheReason()
    {
        server.Enqueue(OpenAIWire.Completion(null, refusal: "I can't help with that."));

        var run = await MutateAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("archived v2 as a failed attempt (crashed)", run.Out);
        var evaluation = JsonNode.Parse((await bed.RunAsync("archive", "show", "v2", "--json")).Out)!["evaluation"]!;
        Assert.Equal("crashed", evaluation["status"]!.GetValue<string>());
        Assert.Contains("mutation-failed", evaluation["flags"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Contains("refus", evaluation["diagnostics"]![0]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", (await bed.RunAsync("archive", "diff", "v2")).Out);
    }

    [Fact]
    public async Task Mutate_LlmWithoutConfig_ExitsTwoAndArchivesNothing()
    {
        var run = await bed.RunAsync("mutate", "--parent", "v1", "--mutator", "llm");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--config FILE", run.Error);
        Assert.Empty(server.Requests);
        Assert.Equal(2, JsonNode.Parse((await bed.RunAsync("archive", "ls", "--json")).Out)!.AsArray().Count);
    }

    [Fact]
    public async Task Mutate_UnknownParent_ExitsTwoNamingItAndArchivesNothing()
    {
        var run = await MutateAsync("--parent", "v9");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("'v9'", run.Error);
        Assert.Empty(server.Requests);
        Assert.Equal(2, JsonNode.Parse((await bed.RunAsync("archive", "ls", "--json")).Out)!.AsArray().Count);
    }

    [Fact]
    public async Task Mutate_LlmWithTwoParents_ExitsTwoBeforeAsking()
    {
        var run = await bed.RunAsync("mutate", "--parent", "v0", "--parent", "v1", "--mutator", "llm", "--config", "config.json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("takes one parent", run.Error);
        Assert.Empty(server.Requests);
    }

    private static ScriptedResponse Proposal() => OpenAIWire.Completion(
        new JsonObject
        {
            ["problem"] = "The agent ran out of steps before it ran the tests again.",
            ["proposal"] = "Raise the step limit.",
            ["implementation_plan"] = "Change MaxSteps in CoderAgent.cs from 60 to 80.",
        }.ToJsonString(),
        promptTokens: 3000,
        completionTokens: 150);

    private static EvaluationRecord Evaluation() => new()
    {
        Status = VariantStatus.Evaluated,
        Admitted = true,
        Score = 0.5,
        Mutator = "llm",
        MutationDescription = "an earlier change",
        Tasks =
        [
            new TaskRecord { InstanceId = "py-csv-escaped-quotes", Outcome = TaskOutcome.Resolved },
            new TaskRecord { InstanceId = FailedTask, Outcome = TaskOutcome.Unresolved, Reason = "2 FAIL_TO_PASS tests still fail" },
        ],
    };

    private Task<CliRun> MutateAsync(params string[] extra)
    {
        string[] args = ["mutate", "--mutator", "llm", "--config", "config.json", "--seed", "3", .. extra];
        return bed.RunAsync(extra.Contains("--parent") ? args : [.. args, "--parent", "v1"]);
    }
}
