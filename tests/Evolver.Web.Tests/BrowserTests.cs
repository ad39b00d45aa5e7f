using Evolver.Archive;
using Evolver.Cli.Tests;
using Evolver.Core;
using Microsoft.Playwright;
using Xunit;

namespace Evolver.Web.Tests;

/// <summary>The lineage page in headless Chromium, served by <c>evolver serve</c> on a real archive, and the static report from a file.</summary>
[Collection(LineageCollection.Name)]
public sealed class BrowserTests(LineageFixture fixture, Chromium chromium) : IClassFixture<Chromium>
{
    private LineageArchive Bed => fixture.Archive;

    private string Url => fixture.Serve.Url.ToString();

    [Fact]
    public async Task Page_RealArchive_DrawsEveryVariantAndThePlots()
    {
        var (page, requests, errors) = await chromium.NewPageAsync();

        await PageDriver.OpenAsync(page, Url);

        Assert.Equal(Bed.Variants.Count, await PageDriver.DataAsync(page, "#tree", "data-total"));
        Assert.Equal(Bed.Variants.Count, await PageDriver.DataAsync(page, "#tree", "data-shown"));
        Assert.Contains($"{Bed.Variants.Count} variants · 2 failed attempts · 1 orphans", await page.InnerTextAsync("#counts"));
        Assert.True(await PageDriver.DataAsync(page, "#plot-progress", "data-points") >= Bed.Variants.Count - 1);
        Assert.True(await page.Locator("#plot-progress path.line-best").CountAsync() == 1);

        // The best variant is drawn in its score's colour: green for a full score, not the white background.
        var (x, y) = await PageDriver.NodeAsync(page, Bed.BestId);
        var pixel = await PageDriver.PixelAsync(page, x, y);
        Assert.True(pixel[1] > pixel[0] && pixel[3] == 255, $"pixel at the best node: {string.Join(",", pixel)}");

        await Chromium.ScreenshotAsync(page, "lineage.png");
        Assert.Empty(errors);
        Assert.All(requests, r => Assert.StartsWith(Url, r));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ClickNode_OpensVariantPageWithSideBySideDiffTasksAndTranscript()
    {
        var (page, _, errors) = await chromium.NewPageAsync();
        await PageDriver.OpenAsync(page, Url);

        await PageDriver.ClickNodeAsync(page, Bed.TranscriptId);
        await page.WaitForSelectorAsync("#p-diff table.sbs");

        Assert.EndsWith("#v=" + Bed.TranscriptId, page.Url);
        Assert.Contains("tuned the line below", await page.InnerTextAsync("#p-diff td.code.add"));
        Assert.NotEmpty(await page.InnerTextAsync("#p-diff td.code.del"));
        Assert.Equal(6, await page.Locator("#p-tasks table.tasks tbody tr").CountAsync());
        Assert.Contains("Localise the fault", await page.InnerTextAsync("#p-mutation"));
        var llm = await page.InnerTextAsync("#p-llm");
        Assert.Contains("llm-exchanges.json (2 exchanges)", llm);
        Assert.Contains("llm/quixbugs-gcd.jsonl (2 exchanges)", llm);
        Assert.Contains("diagnose · fixture-model", llm);
        Assert.Contains("failed: fixture refusal (test data)", llm);
        Assert.Contains("tokens", await page.InnerTextAsync("#panel .facts"));
        await Chromium.ScreenshotAsync(page, "variant.png");

        // A log file opens in the page.
        await page.ClickAsync("#p-logs a:text('tasks/quixbugs-gcd.json')");
        await page.WaitForSelectorAsync("#p-logs pre.log:has-text('fixed line 4')");

        // A gp child: no LLM exchanges, said so.
        await PageDriver.ClickNodeAsync(page, Bed.NoTranscriptId);
        Assert.Contains("no LLM exchanges recorded", await page.InnerTextAsync("#p-llm"));

        // The crossover child names both parents; the orphan says its parent is missing.
        await PageDriver.ClickNodeAsync(page, Bed.CrossoverId);
        var parents = Bed.Variants.Single(v => v.Id == Bed.CrossoverId).Parents;
        Assert.Contains($"{parents[0]} + {parents[1]}", await page.InnerTextAsync("#panel .facts"));
        await page.WaitForSelectorAsync($"#p-diff .diff p:has-text('against {parents[0]}')");
        await page.ClickAsync($"#p-diff button[data-against='{parents[1]}']");
        await page.WaitForSelectorAsync($"#p-diff .diff p:has-text('against {parents[1]}')");
        await PageDriver.ClickNodeAsync(page, Bed.OrphanId);
        Assert.Contains("missing from the archive (orphan)", await page.InnerTextAsync("#panel .facts"));
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Filter_StatusAndSearch_ListOnlyMatchesAndClearRestores()
    {
        var (page, _, errors) = await chromium.NewPageAsync();
        await PageDriver.OpenAsync(page, Url);

        await page.SelectOptionAsync("#f-status", "compile_failed");
        Assert.Contains($"1 of {Bed.Variants.Count} variants match", await page.InnerTextAsync("#counts"));
        Assert.Equal([Bed.FailedId], await page.Locator("#matches li[data-id]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)"));

        await page.SelectOptionAsync("#f-status", "");
        await page.FillAsync("#f-min", "0.9");
        var high = Bed.Variants.Where(v => v.Score >= 0.9).Select(v => v.Id).Order().ToArray();
        Assert.Equal(high, (await page.Locator("#matches li[data-id]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)")).Order());
        await Chromium.ScreenshotAsync(page, "filter.png");

        // A match opens its variant.
        await page.ClickAsync($"#matches li[data-id='{high[0]}'] a");
        await page.WaitForSelectorAsync($"#panel[data-id='{high[0]}'] .panel-head");

        await page.ClickAsync("#f-reset");
        await page.WaitForFunctionAsync("() => document.getElementById('matches').hidden");
        Assert.Contains($"{Bed.Variants.Count} variants", await page.InnerTextAsync("#counts"));
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LiveRefresh_RunAddsVariant_PageShowsItWithoutReload()
    {
        using var work = new TempDirectory("evolver-web-live");
        var copy = work.Combine("archive");
        AgentArchive.Clone(Bed.Path, copy).Dispose();
        await using var serve = await ServeHost.StartAsync(copy);
        var (page, _, errors) = await chromium.NewPageAsync();
        await PageDriver.OpenAsync(page, serve.Url.ToString());
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        using (var archive = AgentArchive.Open(copy))
        {
            var source = work.Combine("child");
            archive.Export(Bed.BestId, source);
            File.AppendAllText(Path.Combine(source, "Program.cs"), "// written while the page is open\n");
            await archive.CommitVariantAsync(
                new VariantDraft { SourceDirectory = source, Parents = [Bed.BestId], Evaluation = LineageArchive.Evaluation(5, "gp", "written live") }, CancellationToken.None);
        }

        await page.WaitForSelectorAsync($"body[data-variants='{Bed.Variants.Count + 1}']", new() { Timeout = 20_000 });
        Assert.Equal(Bed.Variants.Count + 1, await PageDriver.DataAsync(page, "#tree", "data-total"));
        Assert.Equal(0, navigations);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Report_OpenedFromFile_NoServerTreeAndRecordRender()
    {
        using var work = new TempDirectory("evolver-web-report");
        var (code, output, error) = await CliRunner.RunAsync(work.Path, "report", "--archive", Bed.Path, "--out", "report.html");
        Assert.True(code == 0, output + error);
        var (page, requests, errors) = await chromium.NewPageAsync();

        await PageDriver.OpenAsync(page, new Uri(work.Combine("report.html")).AbsoluteUri);

        Assert.Equal(Bed.Variants.Count, await PageDriver.DataAsync(page, "#tree", "data-total"));
        Assert.StartsWith("static report, written", await page.InnerTextAsync("#live"));
        var (x, y) = await PageDriver.NodeAsync(page, Bed.BestId);
        Assert.Equal(255, (await PageDriver.PixelAsync(page, x, y))[3]);
        await Chromium.ScreenshotAsync(page, "report.png");

        await PageDriver.ClickNodeAsync(page, Bed.TranscriptId);
        Assert.Equal(6, await page.Locator("#p-tasks table.tasks tbody tr").CountAsync());
        Assert.Contains("Diffs are not in the static report", await page.InnerTextAsync("#p-diff"));
        Assert.Single(requests.Distinct());
        Assert.StartsWith("file://", requests[0]);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
