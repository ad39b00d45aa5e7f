using System.Diagnostics;
using Xunit;

namespace Evolver.Suites.Tests;

/// <summary>Runs the real git.</summary>
internal static class Git
{
    /// <summary>Checks and applies <paramref name="patch"/> in <paramref name="directory"/> (which need not be a repository).</summary>
    public static void Apply(string directory, string patch)
    {
        Run(directory, patch, "apply", "--check", "-");
        Run(directory, patch, "apply", "-");
    }

    private static void Run(string directory, string input, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed: {stderr.Result}{stdout.Result}");
    }
}
