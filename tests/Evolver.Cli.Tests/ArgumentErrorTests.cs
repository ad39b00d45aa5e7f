using System.Text.Json.Nodes;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>Bad arguments and invalid input stop the command before any container runs: exit 2 and a message naming the culprit.</summary>
public sealed class ArgumentErrorTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task Eval_UnknownAgentPath_ExitsTwoNamingTheAgent()
    {
        var run = await CliRunner.RunAsync(work.Path, "eval", "--agent", "no/such/agent", "--suite", TestPaths.ShippedSuite);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--agent", run.Error);
        Assert.Contains("no/such/agent", run.Error);
    }

    [Fact]
    public async Task Eval_MissingSuiteFolder_ExitsTwoNamingTheFolder()
    {
        var run = await CliRunner.RunAsync(work.Path, "eval", "--agent", "gold", "--suite", "missing-suite");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--suite", run.Error);
        Assert.Contains(work.Combine("missing-suite"), run.Error);
        Assert.Contains("does not exist", run.Error);
    }

    [Fact]
    public async Task Eval_NoSuiteOption_ExitsTwoNamingTheOption()
    {
        var run = await CliRunner.RunAsync(work.Path, "eval", "--agent", "gold");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--suite", run.Error);
    }

    [Fact]
    public async Task Eval_MalformedTaskJson_ExitsTwoListingEveryProblemWithFileAndField()
    {
        var suite = CopyShippedTasks("py-lru-cache-recency", "py-interval-merge-touching");
        var badField = Path.Combine(suite, "tasks", "py-lru-cache-recency", "task.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(badField))!.AsObject();
        json["test_format"] = "tap";
        json.Remove("FAIL_TO_PASS");
        await File.WriteAllTextAsync(badField, json.ToJsonString());
        var badSyntax = Path.Combine(suite, "tasks", "py-interval-merge-touching", "task.json");
        await File.WriteAllTextAsync(badSyntax, "{ \"instance_id\": \"py-interval-merge-touching\", ");

        var run = await CliRunner.RunAsync(work.Path, "eval", "--agent", "gold", "--suite", suite);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"{badField}: field 'test_format'", run.Error);
        Assert.Contains($"{badField}: field 'FAIL_TO_PASS'", run.Error);
        Assert.Contains(badSyntax, run.Error);
        Assert.Contains("3 problems", run.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    [InlineData("65")]
    public async Task Eval_BadParallel_ExitsTwoNamingTheOption(string value)
    {
        var run = await CliRunner.RunAsync(work.Path, "eval", "--agent", "gold", "--suite", TestPaths.ShippedSuite, "--parallel", value);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--parallel", run.Error);
        Assert.Contains(value, run.Error);
    }

    [Fact]
    public async Task Eval_UnknownTaskId_ExitsTwoNamingTheTask()
    {
        var run = await CliRunner.RunAsync(work.Path, "eval", "--agent", "empty", "--suite", TestPaths.ShippedSuite, "--tasks", "py-lru-cache-recency,no-such-task");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--tasks", run.Error);
        Assert.Contains("no-such-task", run.Error);
        Assert.DoesNotContain("py-lru-cache-recency", run.Error);
    }

    [Fact]
    public async Task Eval_AgentThatDoesNotCompile_ExitsTwoWithTheDiagnostics()
    {
        var agent = Directory.CreateDirectory(work.Combine("broken-agent")).FullName;
        await File.WriteAllTextAsync(Path.Combine(agent, "Program.cs"), "public static class Program { public static int Main() => undefinedThing; }\n");

        var run = await CliRunner.RunAsync(work.Path, "eval", "--agent", agent, "--suite", TestPaths.ShippedSuite);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("does not compile", run.Error);
        Assert.Contains("Program.cs:1:", run.Error);
        Assert.Contains("undefinedThing", run.Error);
    }

    [Fact]
    public async Task Eval_BadAgentTimeout_ExitsTwoNamingTheOption()
    {
        var run = await CliRunner.RunAsync(work.Path, "eval", "--agent", "gold", "--suite", TestPaths.ShippedSuite, "--agent-timeout", "0");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--agent-timeout", run.Error);
    }

    [Fact]
    public async Task Validate_OneInvalidSuiteAmongSeveral_ExitsTwoNamingIt()
    {
        var run = await CliRunner.RunAsync(work.Path, "validate", "--suite", TestPaths.ShippedSuite, "--suite", "nowhere");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(work.Combine("nowhere"), run.Error);
        Assert.DoesNotContain(TestPaths.ShippedSuite, run.Error);
    }

    [Fact]
    public async Task Import_UnknownFormat_ExitsTwoNamingTheOption()
    {
        var run = await CliRunner.RunAsync(work.Path, "import", "--from", TestPaths.UpstreamBenchmarks, "--out", "suite", "--format", "swebench");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--format", run.Error);
        Assert.Contains("swebench", run.Error);
    }

    [Fact]
    public async Task Import_MissingUpstream_ExitsTwoNamingTheFolder()
    {
        var run = await CliRunner.RunAsync(work.Path, "import", "--from", "no-upstream", "--out", "suite");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--from", run.Error);
        Assert.Contains(work.Combine("no-upstream"), run.Error);
    }

    [Fact]
    public async Task Import_UnknownLayout_ExitsTwoAskingForTheFormat()
    {
        var upstream = Directory.CreateDirectory(work.Combine("upstream", "thing")).FullName;
        await File.WriteAllTextAsync(Path.Combine(upstream, "README.md"), "not a benchmark\n");

        var run = await CliRunner.RunAsync(work.Path, "import", "--from", work.Combine("upstream"), "--out", "suite");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--format", run.Error);
        Assert.False(Directory.Exists(work.Combine("suite")));
    }

    [Fact]
    public async Task UnknownVerb_ExitsTwoNamingIt()
    {
        var run = await CliRunner.RunAsync(work.Path, "evaluate", "--agent", "gold");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("evaluate", run.Error);
    }

    [Fact]
    public async Task Help_ExitsZeroAndListsTheVerbs()
    {
        var run = await CliRunner.RunAsync(work.Path, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("eval", run.Out);
        Assert.Contains("import", run.Out);
        Assert.Contains("validate", run.Out);
    }

    private string CopyShippedTasks(params string[] ids)
    {
        var suite = work.Combine("suite");
        TestTree.Copy(Path.Combine(TestPaths.ShippedSuite, "suite.json"), Path.Combine(suite, "suite.json"));
        foreach (var id in ids)
        {
            TestTree.Copy(Path.Combine(TestPaths.ShippedSuite, "tasks", id), Path.Combine(suite, "tasks", id));
        }

        return suite;
    }
}
