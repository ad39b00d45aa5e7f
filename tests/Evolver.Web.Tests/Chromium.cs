using Microsoft.Playwright;
using Xunit;

namespace Evolver.Web.Tests;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>scripts/setup.sh</c>) driven by Playwright for .NET;
/// Playwright's own browser download is never used. Screenshots go to <c>artifacts/screenshots/</c> beside the tests.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string Executable = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        // Not a skip: a machine without the browser fails these tests, saying how to get it.
        Assert.True(File.Exists(Executable), $"{Executable} is missing: run scripts/setup.sh as root (it installs Debian's chromium).");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Executable, Headless = true });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>A page of 1400×900 that records every URL it requests and every script error.</summary>
    public async Task<(IPage Page, List<string> Requests, List<string> Errors)> NewPageAsync(int width = 1400, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        var errors = new List<string>();
        page.Request += (_, r) => { lock (requests) { requests.Add(r.Url); } };
        page.PageError += (_, e) => { lock (errors) { errors.Add(e); } };
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                lock (errors)
                {
                    errors.Add(m.Text);
                }
            }
        };
        return (page, requests, errors);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name), FullPage = false });
}
