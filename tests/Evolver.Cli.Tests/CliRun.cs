namespace Evolver.Cli.Tests;

public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string All => Out + Environment.NewLine + Error;

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{Out}--- stderr ---{Environment.NewLine}{Error}";
}
