using Xunit;

namespace Evolver.Mutation.Tests;

/// <summary>Edits to the SDK, the entry contract and marked members are rejected; ordinary edits and layout changes pass.</summary>
public sealed class ProtectedCodeTests : IDisposable
{
    private const string Util = """
        using Evolver.Agents.Sdk;

        internal static class Util
        {
            // evolver:protected
            // The safety margin before the deadline; the harness relies on it.
            public static TimeSpan Margin(AgentContext context) => TimeSpan.FromSeconds(context.Budget.WallSeconds > 60 ? 10 : 3);

            public static async Task ProbeAsync(AgentContext context, CancellationToken ct)
            {
                await Task.Delay(Margin(context) / 1000, ct);
            }
        }
        """;

    private readonly AgentValidator validator = new(new ValidationOptions(), new AgentBuilderOptions(), TimeProvider.System);
    private readonly TempDirectory dir = new();
    private readonly string parent;

    public ProtectedCodeTests()
    {
        parent = AgentFolder.WithUtil(dir, "parent", Util);
    }

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task ValidateAsync_UnchangedChild_IsValid()
    {
        var child = AgentFolder.WithUtil(dir, "child", Util);

        var result = await validator.ValidateAsync(child, parent, CancellationToken.None);

        Assert.True(result.IsValid, result.Describe());
        Assert.Equal("valid", result.Summary);
    }

    [Fact]
    public async Task ValidateAsync_UnmarkedMemberChanged_IsValid()
    {
        var child = AgentFolder.WithUtil(dir, "child", Util.Replace("Margin(context) / 1000", "Margin(context) / 500"));

        var result = await validator.ValidateAsync(child, parent, CancellationToken.None);

        Assert.True(result.IsValid, result.Describe());
    }

    [Fact]
    public async Task ValidateAsync_MarkedMemberOnlyReformattedAndRecommented_IsValid()
    {
        var child = AgentFolder.WithUtil(dir, "child", Util
            .Replace("// The safety margin before the deadline; the harness relies on it.", "// Reworded comment.")
            .Replace("TimeSpan.FromSeconds(context.Budget.WallSeconds > 60 ? 10 : 3);", "TimeSpan.FromSeconds(\n        context.Budget.WallSeconds > 60 ? 10 : 3);"));

        var result = await validator.ValidateAsync(child, parent, CancellationToken.None);

        Assert.True(result.IsValid, result.Describe());
    }

    [Fact]
    public async Task ValidateAsync_MarkedMemberChanged_Rejected()
    {
        var child = AgentFolder.WithUtil(dir, "child", Util.Replace("? 10 : 3", "? 10 : 0"));

        var result = await validator.ValidateAsync(child, parent, CancellationToken.None);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ValidationIssueKind.ProtectedEdit, issue.Kind);
        Assert.Equal("Util.cs:7:5: protected member Util::Margin(AgentContext) was changed", issue.Message);
        Assert.Equal(["protected-edit"], result.Flags);
    }

    [Fact]
    public async Task ValidateAsync_MarkerRemoved_Rejected()
    {
        var child = AgentFolder.WithUtil(dir, "child", Util.Replace("    // evolver:protected\n", ""));

        var result = await validator.ValidateAsync(child, parent, CancellationToken.None);

        var issue = Assert.Single(result.Issues);
        Assert.Contains("protected member Util::Margin(AgentContext) lost its '// evolver:protected' marker", issue.Message);
    }

    [Fact]
    public async Task ValidateAsync_MarkedMemberRenamed_Rejected()
    {
        var child = AgentFolder.WithUtil(dir, "child", Util.Replace("Margin(", "SafetyMargin("));

        var result = await validator.ValidateAsync(child, parent, CancellationToken.None);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ValidationIssueKind.ProtectedEdit, issue.Kind);
        Assert.Contains("protected member Util::Margin(AgentContext) was removed or renamed", issue.Message);
    }

    [Fact]
    public async Task ValidateAsync_EntryArgumentsChanged_Rejected()
    {
        var child = AgentFolder.WithUtil(dir, "child", Util, AgentFolder.Program.Replace("new Agent(), args)", "new Agent(), [\"--input\", \"/tmp/fake.json\"])"));

        var result = await validator.ValidateAsync(child, parent, CancellationToken.None);

        var issue = Assert.Single(result.Issues);
        Assert.Equal("Program.cs:3:1: the entry contract changed: the top-level statements (or Main) must stay as in the parent", issue.Message);
    }

    [Fact]
    public async Task ValidateAsync_EntryNoLongerCallsAgentHost_RejectedForBothRules()
    {
        var child = AgentFolder.WithUtil(dir, "child", Util, AgentFolder.Program.Replace(
            "return await AgentHost.RunAsync(new Agent(), args);", "await File.WriteAllTextAsync(\"/evolver-out/report.json\", \"{}\");\nreturn 0;"));

        var result = await validator.ValidateAsync(child, parent, CancellationToken.None);

        Assert.Equal(2, result.Issues.Count);
        Assert.All(result.Issues, i => Assert.Equal(ValidationIssueKind.ProtectedEdit, i.Kind));
        Assert.Contains(result.Issues, i => i.Message.Contains("no longer calls Evolver.Agents.Sdk.AgentHost.RunAsync"));
        Assert.Contains(result.Issues, i => i.Message.Contains("the entry contract changed"));
    }

    [Fact]
    public async Task ValidateAsync_TopLevelStatementsTurnedIntoMain_Rejected()
    {
        var program = """
            using Evolver.Agents.Sdk;

            internal static class Program
            {
                public static async Task<int> Main(string[] args) => await AgentHost.RunAsync(new Agent(), args);
            }

            internal sealed class Agent : IAgent
            {
                public async Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
                {
                    await Util.ProbeAsync(context, cancellationToken);
                    return new AgentReport("completed", "probed");
                }
            }
            """;
        var child = AgentFolder.WithUtil(dir, "child", Util, program);

        var withParent = await validator.ValidateAsync(child, parent, CancellationToken.None);
        var asSeed = await validator.ValidateAsync(child, null, CancellationToken.None);

        Assert.Contains("the entry contract changed", Assert.Single(withParent.Issues).Message);
        Assert.True(asSeed.IsValid, asSeed.Describe());
    }

    [Fact]
    public async Task ValidateAsync_FileInSdkNamespace_Rejected()
    {
        var child = AgentFolder.WithUtil(dir, "child", Util);
        dir.Write("child/Sdk/Extra.cs", "namespace Evolver.Agents.Sdk.Extensions;\n\ninternal static class Extra\n{\n}\n");

        var result = await validator.ValidateAsync(child, parent, CancellationToken.None);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(
            "Sdk/Extra.cs:1:11: declares namespace Evolver.Agents.Sdk.Extensions: the SDK is protected and cannot be added to or replaced",
            issue.Message);
    }

    [Theory]
    [InlineData("internal static class Shell\n{\n    public static string Run() => \"\";\n}\n", "declares type Shell, which shadows the protected SDK type Evolver.Agents.Sdk.Shell")]
    [InlineData("internal sealed record AgentReport(string Status);\n", "declares type AgentReport, which shadows the protected SDK type Evolver.Agents.Sdk.AgentReport")]
    [InlineData("using AgentHost = System.Console;\n\ninternal static class Nothing\n{\n}\n", "aliases 'AgentHost', which shadows the protected SDK type Evolver.Agents.Sdk.AgentHost")]
    public async Task ValidateAsync_ShadowsSdkType_Rejected(string extra, string expected)
    {
        var child = AgentFolder.WithUtil(dir, "child", Util);
        dir.Write("child/Extra.cs", extra);

        var result = await validator.ValidateAsync(child, parent, CancellationToken.None);

        Assert.Contains(result.Issues, i => i.Kind == ValidationIssueKind.ProtectedEdit && i.Message.StartsWith("Extra.cs:", StringComparison.Ordinal) && i.Message.Contains(expected));
    }

    [Fact]
    public async Task ValidateAsync_SeedWhoseEntryIgnoresAgentHost_Rejected()
    {
        var child = AgentFolder.WithUtil(dir, "seed", Util, "Console.WriteLine(\"no host\");\nreturn 0;\n");

        var result = await validator.ValidateAsync(child, null, CancellationToken.None);

        Assert.Equal("Program.cs:1:1: the entry point no longer calls Evolver.Agents.Sdk.AgentHost.RunAsync(agent, args)", Assert.Single(result.Issues).Message);
    }
}
