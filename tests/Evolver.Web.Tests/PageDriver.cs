using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Evolver.Web.Tests;

/// <summary>What the browser tests do on the lineage page: wait for it, find a node on the canvas, click it, read the view.</summary>
internal static class PageDriver
{
    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 60_000 });
    }

    /// <summary>Where node <paramref name="id"/> is drawn, on the page.</summary>
    public static async Task<(float X, float Y)> NodeAsync(IPage page, string id)
    {
        var json = await page.EvaluateAsync<JsonElement>("id => Evolver.app.tree.screenPoint(id)", id);
        Assert.True(json.ValueKind == JsonValueKind.Object, $"node {id} is not laid out");
        return ((float)json.GetProperty("x").GetDouble(), (float)json.GetProperty("y").GetDouble());
    }

    /// <summary>Centres node <paramref name="id"/> in the view and clicks it with the mouse.</summary>
    public static async Task ClickNodeAsync(IPage page, string id)
    {
        await page.EvaluateAsync("id => Evolver.app.tree.centre(id)", id);
        var (x, y) = await NodeAsync(page, id);
        await page.Mouse.ClickAsync(x, y);
        await page.WaitForSelectorAsync($"#panel[data-id='{id}'] .panel-head");
    }

    public static async Task<int> DataAsync(IPage page, string selector, string attribute) =>
        int.Parse(await page.GetAttributeAsync(selector, attribute) ?? "-1", CultureInfo.InvariantCulture);

    public static async Task<double> ScaleAsync(IPage page) =>
        double.Parse(await page.GetAttributeAsync("#tree", "data-scale") ?? "0", CultureInfo.InvariantCulture);

    /// <summary>The colour drawn on the canvas at page point (x, y), as [r, g, b, a].</summary>
    public static async Task<int[]> PixelAsync(IPage page, float x, float y) =>
        await page.EvaluateAsync<int[]>(
            "({ x, y }) => { const c = document.getElementById('tree'); const b = c.getBoundingClientRect(); const r = window.devicePixelRatio || 1; "
            + "return Array.from(c.getContext('2d').getImageData(Math.round((x - b.left) * r), Math.round((y - b.top) * r), 1, 1).data); }",
            new { x = (double)x, y = (double)y });
}
