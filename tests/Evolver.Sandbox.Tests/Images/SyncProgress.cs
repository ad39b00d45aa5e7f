using Xunit.Abstractions;

namespace Evolver.Sandbox.Tests.Images;

/// <summary>Progress that records on the calling thread (Progress&lt;T&gt; posts later, which races the asserts).</summary>
internal sealed class SyncProgress : IProgress<string>
{
    private readonly List<string>? lines;
    private readonly ITestOutputHelper? output;

    public SyncProgress(List<string> lines) => this.lines = lines;

    public SyncProgress(ITestOutputHelper output) => this.output = output;

    public void Report(string value)
    {
        if (lines is not null)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }

        output?.WriteLine(value);
    }
}
