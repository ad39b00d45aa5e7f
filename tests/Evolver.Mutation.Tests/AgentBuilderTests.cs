using System.Text.Json;
using Evolver.Agents.Sdk;
using Evolver.Core;
using Xunit;

namespace Evolver.Mutation.Tests;

public sealed class AgentBuilderTests
{
    private const string MinimalProgram = """
        using Evolver.Agents.Sdk;

        return await AgentHost.RunAsync(new Agent(), args);

        internal sealed class Agent : IAgent
        {
            public Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken) =>
                Task.FromResult(new AgentReport("completed", Util.Describe(context)));
        }
        """;

    private readonly AgentBuilder builder = new(new AgentBuilderOptions(), TimeProvider.System);

    [Fact]
    public async Task BuildAsync_BrokenSource_ReturnsErrorsWithFileAndLineAndNoArtifact()
    {
        using var dir = new TempDirectory();
        dir.Write("agent/agent.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        dir.Write("agent/Program.cs", MinimalProgram);
        dir.Write("agent/Tools/Util.cs", """
            using Evolver.Agents.Sdk;

            internal static class Util
            {
                public static string Describe(AgentContext context) => context.InstanceId
                public static int Broken() => undefinedName;
            }
            """);

        var result = await BuildAsync(dir);

        Assert.False(result.Succeeded);
        Assert.Null(result.Artifact);
        Assert.Contains(result.Diagnostics, d => d.StartsWith("Tools/Util.cs:5:", StringComparison.Ordinal) && d.Contains("error CS1002"));
        Assert.Contains(result.Diagnostics, d => d.StartsWith("Tools/Util.cs:6:", StringComparison.Ordinal) && d.Contains("error CS0103") && d.Contains("undefinedName"));
        Assert.False(Directory.Exists(dir.Combine("out")), "a failed build writes nothing");
        Assert.Contains("Tools/Util.cs:5:", result.Describe());
    }

    [Fact]
    public async Task BuildAsync_ImplicitUsingsAndNullable_CompileWithNullableWarning()
    {
        using var dir = AgentWithUtil("""
            internal static class Util
            {
                public static string Describe(Evolver.Agents.Sdk.AgentContext context)
                {
                    var lines = new List<string> { context.InstanceId };
                    string maybe = null;
                    return string.Join(",", lines.Select(l => l.Trim())) + Path.DirectorySeparatorChar + maybe;
                }
            }
            """);

        var result = await BuildAsync(dir);

        Assert.True(result.Succeeded, result.Describe());
        var warning = Assert.Single(result.Diagnostics);
        Assert.StartsWith("Util.cs:6:", warning, StringComparison.Ordinal);
        Assert.Contains("warning CS8600", warning);
        Assert.Equal(new AgentArtifact("agent", AgentKind.Program, dir.Combine("out"), "agent.dll"), result.Artifact);
        Assert.True(File.Exists(dir.Combine("out", "agent.dll")));
    }

    [Fact]
    public async Task BuildAsync_BinObjAndHiddenFolders_AreNotCompiledButSubfoldersAre()
    {
        using var dir = new TempDirectory();
        dir.Write("agent/Program.cs", MinimalProgram);
        dir.Write("agent/Lib/Deep/Util.cs", "internal static class Util { public static string Describe(Evolver.Agents.Sdk.AgentContext c) => c.Language; }");
        foreach (var ignored in new[] { "bin/Debug/Gen.cs", "obj/GlobalUsings.g.cs", "OBJ/x.cs", ".git/hooks/x.cs" })
        {
            dir.Write("agent/" + ignored, "this is not C# at all");
        }

        var result = await BuildAsync(dir);

        Assert.True(result.Succeeded, result.Describe());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task BuildAsync_NoSourceFiles_FailsWithDiagnostic()
    {
        using var dir = new TempDirectory();
        dir.Write("agent/agent.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        dir.Write("agent/obj/Generated.cs", "internal static class Generated { }");

        var result = await BuildAsync(dir);

        Assert.False(result.Succeeded);
        Assert.Contains("no C# source file", Assert.Single(result.Diagnostics));
    }

    [Fact]
    public async Task BuildAsync_HostProcessAssemblies_AreNotVisibleToAgents()
    {
        // The test host has Roslyn and xunit loaded; an agent compiles against the framework and the SDK only.
        using var dir = AgentWithUtil("""
            internal static class Util
            {
                public static string Describe(Evolver.Agents.Sdk.AgentContext c) =>
                    Microsoft.CodeAnalysis.CSharp.SyntaxFactory.IdentifierName(c.Language).ToString() + typeof(Xunit.Assert);
            }
            """);

        var result = await BuildAsync(dir);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.StartsWith("Util.cs:4:", StringComparison.Ordinal) && d.Contains("CS0234"));
        Assert.Contains(result.Diagnostics, d => d.StartsWith("Util.cs:4:", StringComparison.Ordinal) && d.Contains("Xunit"));
    }

    [Fact]
    public async Task BuildAsync_ManyErrors_CutToMaxDiagnosticsErrorsFirst()
    {
        using var dir = new TempDirectory();
        dir.Write("agent/Program.cs", """
            string unused = null;
            int a = x1;
            int b = x2;
            int c = x3;
            int d = x4;
            int e = x5;
            """);
        var small = new AgentBuilder(new AgentBuilderOptions { MaxDiagnostics = 3 }, TimeProvider.System);

        var result = await BuildAsync(dir, small);

        Assert.False(result.Succeeded);
        Assert.Equal(4, result.Diagnostics.Count);
        Assert.All(result.Diagnostics.Take(3), d => Assert.Contains("error CS0103", d));
        Assert.StartsWith("Program.cs:2:", result.Diagnostics[0], StringComparison.Ordinal);
        Assert.Matches(@"^\.\.\. and \d+ more diagnostics$", result.Diagnostics[3]);
    }

    [Fact]
    public async Task BuildAsync_Success_WritesRuntimeConfigAndSdkCopy()
    {
        using var dir = new TempDirectory();
        var output = dir.Combine("out");

        var result = await builder.BuildAsync(TestPaths.Agent("fixer"), output, CancellationToken.None);

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(
            ["Evolver.Agents.Sdk.dll", "agent.dll", "agent.pdb", "agent.runtimeconfig.json"],
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "agent.runtimeconfig.json")));
        var options = config.RootElement.GetProperty("runtimeOptions");
        var framework = options.GetProperty("framework");
        Assert.Equal("Microsoft.NETCore.App", framework.GetProperty("name").GetString());
        Assert.Equal($"{Environment.Version.Major}.{Environment.Version.Minor}.0", framework.GetProperty("version").GetString());
        Assert.Equal("Minor", options.GetProperty("rollForward").GetString());
        Assert.True(options.GetProperty("configProperties").GetProperty("System.Globalization.Invariant").GetBoolean());
        Assert.Equal(
            File.ReadAllBytes(typeof(AgentHost).Assembly.Location),
            File.ReadAllBytes(Path.Combine(output, "Evolver.Agents.Sdk.dll")));
    }

    [Fact]
    public void ReferenceDirectory_Default_IsTheReferencePackOfTheRunningRuntime()
    {
        var expectedTail = Path.Combine("ref", $"net{Environment.Version.Major}.{Environment.Version.Minor}");

        Assert.Contains(Path.Combine("packs", "Microsoft.NETCore.App.Ref"), builder.ReferenceDirectory);
        Assert.EndsWith(expectedTail, builder.ReferenceDirectory);
        Assert.True(File.Exists(Path.Combine(builder.ReferenceDirectory, "System.Runtime.dll")));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgentBuilder(new AgentBuilderOptions { MaxDiagnostics = 0 }, TimeProvider.System));
        Assert.Throws<ArgumentException>(() => new AgentBuilder(
            new AgentBuilderOptions { ReferenceAssembliesDirectory = "/nonexistent/evolver/ref" }, TimeProvider.System));
    }

    [Fact]
    public async Task BuildAsync_MissingAgentFolder_Throws()
    {
        using var dir = new TempDirectory();

        await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => builder.BuildAsync(dir.Combine("absent"), dir.Combine("out"), CancellationToken.None));
    }

    /// <summary>A temp folder holding <c>agent/Program.cs</c> (which calls <c>Util.Describe</c>) and <c>agent/Util.cs</c>.</summary>
    private static TempDirectory AgentWithUtil(string utilSource)
    {
        var dir = new TempDirectory();
        dir.Write("agent/Program.cs", MinimalProgram);
        dir.Write("agent/Util.cs", utilSource);
        return dir;
    }

    /// <summary>Builds <c>agent/</c> of <paramref name="dir"/> into <c>out/</c>.</summary>
    private Task<AgentBuildResult> BuildAsync(TempDirectory dir, AgentBuilder? with = null) =>
        (with ?? builder).BuildAsync(dir.Combine("agent"), dir.Combine("out"), CancellationToken.None);
}
