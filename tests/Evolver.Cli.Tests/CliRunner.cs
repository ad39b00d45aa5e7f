namespace Evolver.Cli.Tests;

/// <summary>Runs the evolver command in-process with captured output, in a working directory of its own.</summary>
internal static class CliRunner
{
    public static async Task<CliRun> RunAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = CliEnvironment.ForWriters(
            TextWriter.Synchronized(output), TextWriter.Synchronized(error), workingDirectory, TimeProvider.System, repoRoot: TestPaths.RepoRoot);
        var code = await Program.RunAsync(args, env, CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
