namespace Evolver.Cli;

/// <summary>Entry point of the <c>evolver</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static Task<int> Main(string[] args) => Task.FromResult(args.Length == 0 ? 0 : 0);
}
