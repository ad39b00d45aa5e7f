using Xunit;

namespace Evolver.Mutation.Tests;

/// <summary>Size limits, compile errors, and how every reason is recorded together.</summary>
public sealed class AgentValidatorTests
{
    [Fact]
    public async Task ValidateAsync_CompileErrors_RecordedWithPlacesAndFlag()
    {
        using var dir = new TempDirectory();
        var agent = AgentFolder.WithBody(dir, "agent", "var x = undefinedName + 1;\nstring s = null;");
        var validator = new AgentValidator(new ValidationOptions(), new AgentBuilderOptions(), TimeProvider.System);

        var result = await validator.ValidateAsync(agent, null, CancellationToken.None);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ValidationIssueKind.CompileError, issue.Kind);
        Assert.Matches(@"^Util\.cs:12:\d+: error CS0103: The name 'undefinedName' does not exist", issue.Message);
        Assert.Equal(["compile-error"], result.Flags);
        Assert.Contains(result.CompilerDiagnostics, d => d.StartsWith("Util.cs:13:", StringComparison.Ordinal) && d.Contains("warning CS8600"));
        Assert.StartsWith("compile-error: Util.cs:12:", result.Diagnostics[0], StringComparison.Ordinal);
        Assert.Single(result.Diagnostics, d => d.Contains("error CS0103"));
        Assert.Contains(result.Diagnostics.Skip(1), d => d.Contains("warning CS8600"));
        Assert.StartsWith("rejected: 1 compile-error; first: Util.cs:12:", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_TooManyFilesAndBytes_RejectedAlongsideOtherReasons()
    {
        using var dir = new TempDirectory();
        var agent = AgentFolder.WithBody(dir, "agent", """var v = Environment.GetEnvironmentVariable("HOME");""");
        dir.Write("agent/notes.md", new string('x', 5000));
        dir.Write("agent/bin/Debug/huge.dll", new string('x', 100_000));
        var validator = new AgentValidator(new ValidationOptions { MaxFiles = 2, MaxSourceBytes = 4096 }, new AgentBuilderOptions(), TimeProvider.System);

        var result = await validator.ValidateAsync(agent, null, CancellationToken.None);

        Assert.Equal(["too-large", "banned-api"], result.Flags);
        Assert.Contains(result.Issues, i => i.Message == "the agent folder holds 3 files; at most 2 are allowed");
        Assert.Contains(result.Issues, i => i.Kind == ValidationIssueKind.TooLarge && i.Message.Contains("bytes; at most 4096 are allowed"));
    }

    [Fact]
    public async Task ValidateAsync_FarTooLarge_StopsBeforeCompiling()
    {
        using var dir = new TempDirectory();
        var agent = AgentFolder.WithBody(dir, "agent", "var x = undefinedName;");
        dir.Write("agent/Generated.cs", "// " + new string('x', 200_000));
        var validator = new AgentValidator(new ValidationOptions { MaxSourceBytes = 16 * 1024 }, new AgentBuilderOptions(), TimeProvider.System);

        var result = await validator.ValidateAsync(agent, null, CancellationToken.None);

        Assert.Equal(ValidationIssueKind.TooLarge, Assert.Single(result.Issues).Kind);
        Assert.Empty(result.CompilerDiagnostics);
    }

    [Fact]
    public async Task ValidateAsync_NoSource_RejectedAsCompileError()
    {
        using var dir = new TempDirectory();
        dir.Write("agent/README.md", "nothing here");
        var validator = new AgentValidator(new ValidationOptions(), new AgentBuilderOptions(), TimeProvider.System);

        var result = await validator.ValidateAsync(dir.Combine("agent"), null, CancellationToken.None);

        Assert.Contains("no C# source file", Assert.Single(result.Issues).Message);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgentValidator(new ValidationOptions { MaxFiles = 0 }, new AgentBuilderOptions(), TimeProvider.System));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgentValidator(new ValidationOptions { MaxSourceBytes = 10 }, new AgentBuilderOptions(), TimeProvider.System));
        Assert.Throws<ArgumentException>(() => new AgentValidator(new ValidationOptions { AllowedPathRoots = ["repo"] }, new AgentBuilderOptions(), TimeProvider.System));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgentValidator(new ValidationOptions(), new AgentBuilderOptions { MaxDiagnostics = 0 }, TimeProvider.System));
    }

    [Fact]
    public async Task ValidateAsync_MissingFolder_Throws()
    {
        using var dir = new TempDirectory();
        var validator = new AgentValidator(new ValidationOptions(), new AgentBuilderOptions(), TimeProvider.System);

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => validator.ValidateAsync(dir.Combine("absent"), null, CancellationToken.None));
    }
}
