using Evolver.Cli.Tests;
using Xunit;

namespace Evolver.Web.Tests;

/// <summary>The page on a synthetic archive of 5,000 variants: it renders, and zoom, pan and collapse work.</summary>
public sealed class LargeArchiveTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const int Count = 5000;

    [Fact]
    public async Task Page_5000Variants_RendersZoomsPansAndCollapses()
    {
        using var work = new TempDirectory("evolver-web-large");
        var path = SyntheticArchive.Build(work, Count);
        await using var serve = await ServeHost.StartAsync(path);
        var (page, _, errors) = await chromium.NewPageAsync();

        await PageDriver.OpenAsync(page, serve.Url.ToString());
        Assert.Equal(Count, await PageDriver.DataAsync(page, "#tree", "data-total"));
        Assert.Equal(Count, await PageDriver.DataAsync(page, "#tree", "data-shown"));
        await Chromium.ScreenshotAsync(page, "large-fit.png");

        // Zoom in with the mouse wheel over the root: the scale grows, and the point under the pointer stays put
        // (so the root moves only by its distance from the pointer, times the zoom).
        var box = (await page.Locator("#tree").BoundingBoxAsync())!;
        var before = await PageDriver.ScaleAsync(page);
        var (x0, y0) = await PageDriver.NodeAsync(page, "v0");
        var (px, py) = (MathF.Round(x0), MathF.Round(y0));
        await page.Mouse.MoveAsync(px, py);
        for (var i = 0; i < 6; i++)
        {
            await page.Mouse.WheelAsync(0, -400);
        }

        await page.WaitForFunctionAsync($"() => Number(document.getElementById('tree').dataset.scale) > {before * 20}");
        await page.WaitForTimeoutAsync(200);
        var zoom = await PageDriver.ScaleAsync(page) / before;
        var (x1, y1) = await PageDriver.NodeAsync(page, "v0");
        Assert.InRange(x1 - (px + ((x0 - px) * zoom)), -1, 1);
        Assert.InRange(y1 - (py + ((y0 - py) * zoom)), -1, 1);

        // Pan by dragging.
        await page.Mouse.MoveAsync(box.X + 300, box.Y + 300);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + 500, box.Y + 380, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        var (x2, y2) = await PageDriver.NodeAsync(page, "v0");
        Assert.InRange(x2 - x1, 195, 205);
        Assert.InRange(y2 - y1, 75, 85);
        await Chromium.ScreenshotAsync(page, "large-zoomed.png");

        // Double-click the root: its subtree collapses to one node, and "expand all" brings it back.
        await page.EvaluateAsync("() => Evolver.app.tree.centre('v0')");
        var (rx, ry) = await PageDriver.NodeAsync(page, "v0");
        await page.Mouse.DblClickAsync(rx, ry);
        await page.WaitForFunctionAsync("() => document.getElementById('tree').dataset.shown === '1'");
        await page.ClickAsync("#t-expand");
        await page.WaitForFunctionAsync($"() => document.getElementById('tree').dataset.shown === '{Count}'");

        // Clicking a deep node still opens its page.
        await PageDriver.ClickNodeAsync(page, "v4999");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
