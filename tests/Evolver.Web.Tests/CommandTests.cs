using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Evolver.Archive;
using Evolver.Cli.Tests;
using Evolver.Core;
using Xunit;

namespace Evolver.Web.Tests;

/// <summary><c>evolver serve</c> and <c>evolver report</c> run in-process: exit codes, messages, live refresh, the report file.</summary>
[Collection(LineageCollection.Name)]
public sealed class CommandTests(LineageFixture fixture) : IDisposable
{
    private readonly TempDirectory work = new("evolver-web-cmd");

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task Serve_NotAnArchive_Exit2NamingTheFolder()
    {
        Directory.CreateDirectory(work.Combine("plain"));
        File.WriteAllText(work.Combine("plain", "x.txt"), "not git");

        var (code, output, error) = await CliRunner.RunAsync(work.Path, "serve", "--archive", "plain", "--port", "0");

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error);
        Assert.Contains(work.Combine("plain"), error);
        Assert.DoesNotContain("http://", output);
    }

    [Fact]
    public async Task Serve_PortInUse_Exit2SayingWhatToDo()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, _, error) = await CliRunner.RunAsync(work.Path, "serve", "--archive", fixture.Archive.Path, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, code);
        Assert.Contains($"error: cannot listen on 127.0.0.1:{port}", error);
        Assert.Contains("pass another --port", error);
    }

    [Theory]
    [InlineData("--port", "70000", "--port must be a whole number from 0 to 65535")]
    [InlineData("--host", "example.org", "Host 'example.org' is not an IP address")]
    public async Task Serve_BadOption_Exit2(string option, string value, string message)
    {
        var (code, _, error) = await CliRunner.RunAsync(work.Path, "serve", "--archive", fixture.Archive.Path, option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Serve_DefaultHost_ListensOnLoopbackOnly()
    {
        await using var serve = await ServeHost.StartAsync(fixture.Archive.Path);

        Assert.Equal("127.0.0.1", serve.Url.Host);
        Assert.Contains($"serving {fixture.Archive.Path} at {serve.Url}", serve.Output);
    }

    [Fact]
    public async Task Serve_RunWritesTheArchive_VersionMovesAndNewVariantIsListed()
    {
        // A copy of the archive of its own, so the shared one stays as the other tests expect it.
        var copy = work.Combine("live");
        using (var clone = AgentArchive.Clone(fixture.Archive.Path, copy))
        {
        }

        await using var serve = await ServeHost.StartAsync(copy);
        var before = (string)JsonNode.Parse(await serve.Http.GetStringAsync("api/version"))!["version"]!;
        Assert.Equal(before, (string)JsonNode.Parse(await serve.Http.GetStringAsync("api/version"))!["version"]!);
        var count = (int)JsonNode.Parse(await serve.Http.GetStringAsync("api/summary"))!["variants"]!;

        string id;
        using (var archive = AgentArchive.Open(copy))
        {
            var source = work.Combine("child");
            archive.Export("v1", source);
            File.AppendAllText(Path.Combine(source, "Program.cs"), "// a child written while the page is open\n");
            id = (await archive.CommitVariantAsync(
                new VariantDraft { SourceDirectory = source, Parents = ["v1"], Evaluation = LineageArchive.Evaluation(6, "gp", "written live") }, CancellationToken.None)).Id;
        }

        var after = (string)JsonNode.Parse(await serve.Http.GetStringAsync("api/version"))!["version"]!;
        Assert.NotEqual(before, after);
        var summary = JsonNode.Parse(await serve.Http.GetStringAsync("api/summary"))!;
        Assert.Equal(count + 1, (int)summary["variants"]!);
        Assert.Equal(after, (string)summary["version"]!);
        var listed = JsonNode.Parse(await serve.Http.GetStringAsync("api/variants?q=" + id))!["variants"]!.AsArray();
        Assert.Equal("written live", (string)listed.Single(n => (string)n!["id"]! == id)!["summary"]!);
    }

    [Fact]
    public async Task Report_RealArchive_OneSelfContainedFile()
    {
        var (code, output, error) = await CliRunner.RunAsync(work.Path, "report", "--archive", fixture.Archive.Path, "--out", "out/report.html");

        Assert.True(code == 0, output + error);
        var file = work.Combine("out", "report.html");
        Assert.Contains($"wrote {file}: {fixture.Archive.Variants.Count} variants", output);
        var html = File.ReadAllText(file);

        // Nothing is loaded from anywhere: no src= or href= to a file or a host, no fetch of the API.
        Assert.DoesNotMatch(new Regex("""<(script|link|img)[^>]+(src|href)="""), html);
        Assert.DoesNotContain("<script src", html);
        Assert.Matches("<style>", html);
        var data = JsonNode.Parse(Regex.Match(html, """<script type="application/json" id="evolver-data">(.*?)</script>""", RegexOptions.Singleline).Groups[1].Value)!;
        Assert.Equal(fixture.Archive.Variants.Count, data["variants"]!.AsArray().Count);
        Assert.Equal(fixture.Archive.BestId, (string)data["summary"]!["best_id"]!);
        Assert.Equal(0, (int)data["summary"]!["poll_milliseconds"]!);
        Assert.Equal("llm", (string)data["details"]![fixture.Archive.TranscriptId]!["evaluation"]!["mutator"]!);
        Assert.Contains("is not a variant", (string)data["details"]![fixture.Archive.OrphanId]!["problem"]!);
    }

    [Fact]
    public async Task Report_NotAnArchive_Exit2AndNoFile()
    {
        var (code, _, error) = await CliRunner.RunAsync(work.Path, "report", "--archive", "missing", "--out", "r.html");

        Assert.Equal(2, code);
        Assert.Contains(work.Combine("missing"), error);
        Assert.False(File.Exists(work.Combine("r.html")));
    }

    [Fact]
    public async Task Report_OutIsAFolder_Exit2()
    {
        Directory.CreateDirectory(work.Combine("dir"));

        var (code, _, error) = await CliRunner.RunAsync(work.Path, "report", "--archive", fixture.Archive.Path, "--out", "dir");

        Assert.Equal(2, code);
        Assert.Contains("is a folder", error);
    }
}
