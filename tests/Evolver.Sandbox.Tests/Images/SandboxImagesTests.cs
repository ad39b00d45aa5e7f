using Xunit;
using Xunit.Abstractions;

namespace Evolver.Sandbox.Tests.Images;

/// <summary>The real image families, built (or reused) on the local engine and run.</summary>
public sealed class SandboxImagesTests : IClassFixture<EngineFixture>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
    private readonly EngineFixture engine;
    private readonly ITestOutputHelper output;

    public SandboxImagesTests(EngineFixture engine, ITestOutputHelper output)
    {
        this.engine = engine;
        this.output = output;
    }

    [Fact]
    public async Task EnsureAsync_Python_RunsPytestGitAndDotnetRuntimeAsAgent()
    {
        var tag = await EnsureAsync("evolver-python");

        Assert.Matches("^evolver-python:[0-9a-f]{16}$", tag);
        var (code, stdout, stderr) = await ContainerRun.RunAsync(
            engine.Docker, tag,
            "id -u; id -g; id -u agent; echo HOME=$HOME; python3 -m pytest --version; python3 -c 'import pytest_timeout; print(\"timeout-plugin\")'; "
            + "git --version; dotnet --list-runtimes",
            RunTimeout, user: "1000:1000");

        Assert.True(code == 0, stdout + stderr);
        var all = stdout + stderr;
        Assert.StartsWith("1000\n1000\n1000\nHOME=/tmp\n", stdout, StringComparison.Ordinal);
        Assert.Contains("pytest 7.", all, StringComparison.Ordinal);
        Assert.Contains("timeout-plugin", all, StringComparison.Ordinal);
        Assert.Contains("git version 2.", all, StringComparison.Ordinal);
        Assert.Matches(@"Microsoft\.NETCore\.App 10\.\d+\.\d+ \[/usr/share/dotnet/shared/Microsoft\.NETCore\.App\]", all);
    }

    [Fact]
    public async Task EnsureAsync_Dotnet_HasHostSdkRuntimeAndPackagesAsAgent()
    {
        var tag = await EnsureAsync("evolver-dotnet");
        var host = HostDotnet.Detect(null);

        var (code, stdout, stderr) = await ContainerRun.RunAsync(
            engine.Docker, tag,
            "id -u; echo NUGET_PACKAGES=$NUGET_PACKAGES; dotnet --list-sdks; dotnet --list-runtimes; "
            + "ls /opt/nuget-global; ls /opt/nuget/packages/xunit; test -w /opt/nuget-global || echo global-read-only",
            RunTimeout, user: "1000:1000");

        Assert.True(code == 0, stdout + stderr);
        Assert.StartsWith("1000\nNUGET_PACKAGES=/opt/nuget-global\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"{host.SdkVersion} [/usr/share/dotnet/sdk]", stdout, StringComparison.Ordinal);
        Assert.Contains($"Microsoft.NETCore.App {host.RuntimeVersion} [/usr/share/dotnet/shared/Microsoft.NETCore.App]", stdout, StringComparison.Ordinal);
        foreach (var package in new[] { "microsoft.net.test.sdk", "xunit", "xunit.runner.visualstudio", "xunit.core", "microsoft.testplatform.testhost" })
        {
            Assert.Contains(package + "\n", stdout, StringComparison.Ordinal);
        }

        Assert.Contains("2.9.3", stdout, StringComparison.Ordinal);
        Assert.Contains("global-read-only", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureAsync_Dotnet_TestsAnXunitProjectOfflineAsAgent()
    {
        var tag = await EnsureAsync("evolver-dotnet");
        var repo = XunitProject.Write();
        try
        {
            var (code, stdout, stderr) = await ContainerRun.RunAsync(
                engine.Docker, tag,
                "cd /repo && dotnet test --logger 'trx;LogFileName=results.trx' --results-directory /tmp/results 2>&1; "
                + "echo exit=$?; grep -o 'outcome=\"Passed\"' /tmp/results/results.trx | wc -l",
                RunTimeout, user: "1000:1000", binds: [repo + ":/repo"]);
            output.WriteLine(stdout + stderr);

            Assert.Equal(0, code);
            Assert.Contains("exit=1", stdout, StringComparison.Ordinal);
            Assert.Contains("Failed:     1, Passed:     2", stdout, StringComparison.Ordinal);
            Assert.EndsWith("\n2\n", stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    [Fact]
    public async Task EnsureAsync_SecondCall_ReusesImageWithoutBuilding()
    {
        var first = await EnsureAsync("evolver-python");

        var lines = new List<string>();
        var (report, elapsed) = await ContainerRun.TimeAsync(() =>
            SandboxImages.EnsureWithReportAsync(engine.Docker, "evolver-python", TestImages.Options, new SyncProgress(lines), CancellationToken.None));
        output.WriteLine($"cache hit in {elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(first, report.Tag);
        Assert.Empty(report.Built);
        Assert.Empty(lines);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"a cache hit took {elapsed}");
    }

    [Fact]
    public async Task EnsureAsync_Base_IsTheImportedDebootstrapWithAgentUserAndNoSdk()
    {
        var tag = await EnsureAsync("evolver-base");

        Assert.Equal(SandboxImages.TagOf("evolver-base", TestImages.Options), tag);
        var (code, stdout, stderr) = await ContainerRun.RunAsync(
            engine.Docker, tag, "grep VERSION_CODENAME /etc/os-release; getent passwd agent; getent group agent; ls /usr/share/dotnet/sdk 2>&1 || true",
            RunTimeout);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("VERSION_CODENAME=bookworm", stdout, StringComparison.Ordinal);
        Assert.Contains("agent:x:1000:1000::/tmp:/bin/bash", stdout, StringComparison.Ordinal);
        Assert.Contains("agent:x:1000:", stdout, StringComparison.Ordinal);
        Assert.Contains("No such file or directory", stdout, StringComparison.Ordinal);
    }

    private async Task<string> EnsureAsync(string family)
    {
        var (tag, elapsed) = await ContainerRun.TimeAsync(() =>
            SandboxImages.EnsureAsync(engine.Docker, family, TestImages.Options, new SyncProgress(output), CancellationToken.None));
        output.WriteLine($"{tag} ensured in {elapsed.TotalSeconds:F1} s");
        return tag;
    }
}
