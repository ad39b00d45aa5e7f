using Evolver.Cli;
using Evolver.Cli.Tests;

namespace Evolver.Web.Tests;

/// <summary>Runs the evolver command in-process to completion with captured output.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = CliEnvironment.ForWriters(TextWriter.Synchronized(output), TextWriter.Synchronized(error), workingDirectory, TimeProvider.System, repoRoot: TestPaths.RepoRoot);
        var code = await Program.RunAsync(args, env, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
