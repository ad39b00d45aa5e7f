using System.Net;
using System.Text.Json.Nodes;
using Evolver.Archive;
using Xunit;

namespace Evolver.Web.Tests;

/// <summary>The JSON API of <c>evolver serve</c>, over HTTP, on a real archive (<see cref="LineageArchive"/>).</summary>
[Collection(LineageCollection.Name)]
public sealed class ApiTests(LineageFixture fixture)
{
    private LineageArchive Bed => fixture.Archive;

    private HttpClient Http => fixture.Serve.Http;

    [Fact]
    public async Task Summary_RealArchive_CountsBestPathOrphansAndPlots()
    {
        var s = await GetAsync("api/summary");

        Assert.Equal(Bed.Variants.Count, (int)s["variants"]!);
        Assert.Equal(2, (int)s["failed"]!);
        Assert.Equal(1, (int)s["orphans"]!);
        Assert.Equal(Bed.BestId, (string)s["best_id"]!);
        var path = s["best_path"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Equal("v0", path[0]);
        Assert.Equal(Bed.BestId, path[^1]);
        Assert.Equal(["gp", "llm", "seed"], s["mutators"]!.AsArray().Select(m => (string)m!));
        Assert.Contains("compile_failed", s["statuses"]!.AsArray().Select(m => (string)m!));

        // Best never falls and is never below the mean; the last mean is the mean of every admitted evaluated variant.
        var progress = s["progress"]!.AsArray().Select(p => (Best: (double)p!["best"]!, Mean: (double)p!["mean"]!)).ToList();
        Assert.True(progress.Count > 5);
        Assert.All(progress.Zip(progress.Skip(1)), p => Assert.True(p.Second.Best >= p.First.Best));
        Assert.All(progress, p => Assert.True(p.Best >= p.Mean));
        var evaluated = Bed.Variants.Where(v => v.Status == Core.VariantStatus.Evaluated).ToList();
        Assert.Equal(evaluated.Average(v => v.Score), progress[^1].Mean, 6);
        Assert.Equal(evaluated.Max(v => v.Score), progress[^1].Best, 6);
        Assert.True((int)s["poll_milliseconds"]! > 0);
    }

    [Fact]
    public async Task Variants_NoFilter_EveryVariantWithParentsAndMarks()
    {
        var list = await GetAsync("api/variants");
        var nodes = list["variants"]!.AsArray().Select(n => n!.AsObject()).ToDictionary(n => (string)n["id"]!);

        Assert.Equal(Bed.Variants.Select(v => v.Id).Order(), nodes.Keys.Order());
        Assert.DoesNotContain(Bed.EvictedId, nodes.Keys);
        var crossover = nodes[Bed.CrossoverId];
        Assert.Equal(Bed.Variants.Single(v => v.Id == Bed.CrossoverId).Parents, crossover["parents"]!.AsArray().Select(p => (string)p!));
        Assert.True((bool)nodes[Bed.FailedId]["failed"]!);
        Assert.Equal("compile_failed", (string)nodes[Bed.FailedId]["status"]!);
        Assert.False((bool)nodes[Bed.CrossoverId]["failed"]!);

        // The child of the evicted variant is an orphan root, not a child of a node that does not exist.
        var orphan = nodes[Bed.OrphanId];
        Assert.True((bool)orphan["orphan"]!);
        Assert.Empty(orphan["parents"]!.AsArray());
        Assert.Contains("foreign parent", (string)orphan["issue"]!);
        Assert.All(nodes.Values.Where(n => (string)n["id"]! != Bed.OrphanId), n => Assert.False(n.ContainsKey("orphan") && (bool)n["orphan"]!));
        Assert.All(nodes.Values, n => Assert.All(n["parents"]!.AsArray(), p => Assert.Contains((string)p!, nodes.Keys)));
    }

    [Theory]
    [InlineData("status=compile_failed", "failed")]
    [InlineData("status=rejected", "rejected")]
    [InlineData("mutator=llm&min_score=0", "llm")]
    [InlineData("generation=0", "seed")]
    [InlineData("min_score=0.99", "perfect")]
    [InlineData("q=crossover", "crossover")]
    public async Task Variants_Filter_ReturnsExactlyTheMatchingVariants(string query, string what)
    {
        var list = await GetAsync("api/variants?" + query);
        var ids = list["variants"]!.AsArray().Select(n => (string)n!["id"]!).Order().ToList();

        var all = (await GetAsync("api/variants"))["variants"]!.AsArray().Select(n => n!.AsObject()).ToList();
        var expected = what switch
        {
            "failed" => [Bed.FailedId],
            "rejected" => [Bed.RejectedId],
            "llm" => all.Where(n => (string)n["mutator"]! == "llm").Select(n => (string)n["id"]!).Order().ToList(),
            "seed" => ["v0"],
            "perfect" => all.Where(n => (double)n["score"]! >= 0.99).Select(n => (string)n["id"]!).Order().ToList(),
            _ => [Bed.CrossoverId],
        };
        Assert.Equal(expected, ids);
        Assert.Equal(expected.Count, (int)list["matched"]!);
        Assert.Equal(Bed.Variants.Count, (int)list["total"]!);
        Assert.True(what != "llm" || expected.Count >= 3, "the fixture has llm children");
    }

    [Theory]
    [InlineData("min_score=lots", "min_score 'lots' is not a score")]
    [InlineData("max_score=2", "max_score '2' is not a score")]
    [InlineData("generation=-1", "generation '-1' is not a generation")]
    [InlineData("status=great", "status 'great' is not a status: pass one of pending, evaluated, compile_failed")]
    public async Task Variants_BadFilter_400NamingTheParameter(string query, string message)
    {
        using var response = await Http.GetAsync("api/variants?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!);
    }

    [Fact]
    public async Task Variant_LlmChild_RecordTasksTokensCostLogsAndTranscripts()
    {
        var d = await GetAsync($"api/variants/{Bed.TranscriptId}");

        var ev = d["evaluation"]!;
        Assert.Equal("llm", (string)ev["mutator"]!);
        Assert.StartsWith("Localise the fault", (string)ev["mutation_description"]!);
        Assert.True((long)ev["input_tokens"]! > 1800);
        Assert.True((double)ev["cost_usd"]! > 0.012);
        Assert.Equal(6, ev["tasks"]!.AsArray().Count);
        Assert.Equal("quixbugs-gcd", (string)ev["tasks"]![0]!["instance_id"]!);
        Assert.Equal(2.0, (double)ev["tasks"]![0]!["duration"]!);
        Assert.Equal("screen", (string)ev["stages"]![0]!["name"]!);
        Assert.Equal(30.0, (double)ev["timings"]!["evaluate"]!);
        Assert.Equal(40, ((string)d["commit"]!).Length);

        var logs = d["logs"]!.AsArray().Select(l => (string)l!["path"]!).ToList();
        Assert.Equal(["build.txt", "llm-exchanges.json", "llm/quixbugs-gcd.jsonl", "mutation.json", "tasks/quixbugs-gcd.json"], logs);
        var transcripts = d["transcripts"]!.AsArray();
        Assert.Equal(["llm-exchanges.json", "llm/quixbugs-gcd.jsonl"], transcripts.Select(t => (string)t!["path"]!));
        var mutator = transcripts[0]!["entries"]!.AsArray();
        Assert.Equal("diagnose", (string)mutator[0]!["title"]!);
        Assert.Equal("fixture-model", (string)mutator[0]!["model"]!);
        Assert.Equal(["system", "user"], mutator[0]!["messages"]!.AsArray().Select(m => (string)m!["role"]!));
        Assert.StartsWith("FIXTURE REPLY", (string)mutator[0]!["reply"]!);
        Assert.Equal(1200, (long)mutator[0]!["input_tokens"]!);
        Assert.Equal("fixture refusal (test data)", (string)mutator[1]!["failure"]!);
        var gateway = transcripts[1]!["entries"]!.AsArray();
        Assert.Equal("#1 quixbugs-gcd", (string)gateway[0]!["title"]!);
        Assert.Equal("Fix gcd (fixture request)", (string)gateway[0]!["messages"]![0]!["content"]!);
        Assert.Equal("FIXTURE gateway reply (test data)", (string)gateway[0]!["reply"]!);
        Assert.Equal((90, 0.0003), ((long)gateway[0]!["input_tokens"]!, (double)gateway[0]!["cost_usd"]!));
        Assert.Equal(("#2 quixbugs-gcd", "FIXTURE streamed"), ((string)gateway[1]!["title"]!, (string)gateway[1]!["reply"]!));
    }

    [Fact]
    public async Task Variant_GpChild_NoTranscripts()
    {
        var d = await GetAsync($"api/variants/{Bed.NoTranscriptId}");

        Assert.Empty(d["transcripts"]!.AsArray());
        Assert.Contains("mutation.json", d["logs"]!.AsArray().Select(l => (string)l!["path"]!));
    }

    [Fact]
    public async Task Variant_Orphan_ShowsWhyItsRecordCannotBeRead()
    {
        var d = await GetAsync($"api/variants/{Bed.OrphanId}");

        Assert.True((bool)d["variant"]!["orphan"]!);
        Assert.Contains("is not a variant", (string)d["problem"]!);
        Assert.Null(d["evaluation"]);
    }

    [Fact]
    public async Task Diff_Child_SideBySideRowsMatchTheArchiveDiff()
    {
        var child = Bed.Variants.First(v => v.Status == Core.VariantStatus.Evaluated && v.Parents.Length == 1);
        var d = await GetAsync($"api/variants/{child.Id}/diff");

        Assert.Equal(child.Parents[0], (string)d["from"]!);
        var file = d["files"]!.AsArray().Single()!;
        Assert.Equal("modified", (string)file["change"]!);
        var rows = file["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal("hunk", (string)rows[0]["kind"]!);
        var change = rows.Single(r => (string)r["kind"]! == "change");
        var added = rows.Single(r => (string)r["kind"]! == "add");
        Assert.Contains("tuned the line below", (string)change["right"]!);
        Assert.Equal((int)change["right_no"]! + 1, (int)added["right_no"]!);

        using var archive = AgentArchive.Open(Bed.Path);
        var unified = archive.Diff(child.Id);
        Assert.Contains("-" + (string)change["left"]!, unified);
        Assert.Contains("+" + (string)added["right"]!, unified);
        Assert.Equal(1, (int)file["deleted"]!);
        Assert.Equal(2, (int)file["added"]!);
    }

    [Fact]
    public async Task Diff_AgainstSecondParent_ComparesWithIt()
    {
        var second = Bed.Variants.Single(v => v.Id == Bed.CrossoverId).Parents[1];
        var d = await GetAsync($"api/variants/{Bed.CrossoverId}/diff?against={second}");

        Assert.Equal(second, (string)d["from"]!);
        Assert.DoesNotContain("RepairAgent.cs", d["files"]!.AsArray().Select(f => (string)f!["new_path"]!));
    }

    [Fact]
    public async Task Diff_Seed_WholeCodeAdded()
    {
        var d = await GetAsync("api/variants/v0/diff");

        Assert.Null(d["from"]);
        var files = d["files"]!.AsArray();
        Assert.Equal(Directory.GetFiles(LineageArchive.Seed, "*", SearchOption.AllDirectories).Length, files.Count);
        Assert.All(files, f => Assert.Equal("added", (string)f!["change"]!));
    }

    [Fact]
    public async Task LogFile_Known_TextUnknown404()
    {
        var text = await Http.GetStringAsync($"api/variants/{Bed.TranscriptId}/logs/tasks/quixbugs-gcd.json");
        Assert.Contains("fixed line 4", text);

        using var missing = await Http.GetAsync($"api/variants/{Bed.TranscriptId}/logs/nope.txt");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains($"variant '{Bed.TranscriptId}' has no log file 'nope.txt'", await missing.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("api/variants/v999")]
    [InlineData("api/variants/v999/diff")]
    [InlineData("api/variants/v999/logs")]
    [InlineData("api/variants/v999/logs/build.txt")]
    [InlineData("api/variants/v1/diff?against=v999")]
    public async Task UnknownVariant_404WithMessage(string url)
    {
        using var response = await Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal($"no variant 'v999' in the archive '{Bed.Path}'", error);
    }

    [Fact]
    public async Task UnknownEndpoint_404Json()
    {
        using var response = await Http.GetAsync("api/nothing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no API endpoint '/api/nothing'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Page_And_Assets_ServedFromTheAssembly()
    {
        var page = await Http.GetStringAsync("");
        Assert.Contains("<canvas id=\"tree\"", page);
        foreach (var script in new[] { "util.js", "data.js", "layout.js", "tree.js", "plots.js", "diff.js", "panel.js", "app.js" })
        {
            Assert.Contains($"assets/{script}", page);
            using var response = await Http.GetAsync("assets/" + script);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        }

        Assert.DoesNotContain("://", page.Replace("http://www.w3.org", "", StringComparison.Ordinal));
    }

    private async Task<JsonNode> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }
}
