using System.CommandLine;
using System.Runtime.InteropServices;

namespace Evolver.Cli;

/// <summary>Entry point of the <c>evolver</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line; the first Ctrl+C cancels the run cleanly, a second one ends the process.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code: 0 ran, 1 a reported failure (validation), 2 bad arguments, 3 harness error, 130 cancelled.</returns>
    public static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            if (!cts.IsCancellationRequested)
            {
                // Keep the process alive so running containers are removed on the way out.
                e.Cancel = true;
                Console.Error.WriteLine("cancelling: removing containers (press Ctrl+C again to quit at once)");
                cts.Cancel();
            }
        }

        Console.CancelKeyPress += OnCancel;

        // SIGTERM (docker stop, CI time-outs) also cancels, so the run still removes its containers before it ends.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
        {
            ctx.Cancel = true;
            cts.Cancel();
        });
        try
        {
            return await RunAsync(args, CliEnvironment.FromProcess(), cts.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    /// <summary>Runs the command line in-process against <paramref name="env"/>.</summary>
    internal static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken)
    {
        var root = CommandTree.Create(env);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                env.Error.WriteLine("error: " + error.Message);
            }

            env.Error.WriteLine("Run 'evolver --help' (or 'evolver <verb> --help') for the usage.");
            return ExitCodes.Usage;
        }

        try
        {
            var config = new InvocationConfiguration
            {
                Output = env.Out,
                Error = env.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parsed.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            env.Error.WriteLine("cancelled.");
            return ExitCodes.Cancelled;
        }
    }
}
