using System.Text;
using System.Text.RegularExpressions;
using Evolver.Cli;
using Evolver.Cli.Tests;
using Xunit;

namespace Evolver.Web.Tests;

/// <summary>
/// <c>evolver serve --archive A --port 0</c> run in-process, as a user runs it: the URL is read from what it prints, and
/// disposing presses Ctrl+C (cancels) and checks it stopped with exit code 0.
/// </summary>
internal sealed partial class ServeHost : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly LineWriter output = new();
    private readonly LineWriter error = new();
    private Task<int> run = Task.FromResult(0);

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Output => output.Text;

    public static async Task<ServeHost> StartAsync(string archive, params string[] extra)
    {
        var host = new ServeHost();
        var env = CliEnvironment.ForWriters(host.output, host.error, Path.GetTempPath(), TimeProvider.System, repoRoot: TestPaths.RepoRoot);
        host.run = Task.Run(() => Program.RunAsync(["serve", "--archive", archive, "--port", "0", .. extra], env, host.stop.Token));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (UrlLine().Match(host.output.Text) is not { Success: true } m)
        {
            if (host.run.IsCompleted || DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"evolver serve printed no URL (exit {(host.run.IsCompleted ? host.run.Result : "none yet")}):\n{host.output.Text}\n{host.error.Text}");
            }

            await Task.Delay(50);
        }

        host.Url = new Uri(UrlLine().Match(host.output.Text).Groups[1].Value);
        host.Http.BaseAddress = host.Url;
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Http.Dispose();
        stop.Dispose();
        Assert.True(code == 0, $"serve exit {code}\n{output.Text}\n{error.Text}");
        Assert.Contains("stopped.", output.Text);
    }

    [GeneratedRegex(@"at (http://\S+/) \(Ctrl\+C stops\)")]
    private static partial Regex UrlLine();

    /// <summary>A writer the test reads while the command is still writing to it.</summary>
    private sealed class LineWriter : TextWriter
    {
        private readonly StringBuilder text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (text)
                {
                    return text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (text)
            {
                text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (text)
            {
                text.Append(value);
            }
        }
    }
}
