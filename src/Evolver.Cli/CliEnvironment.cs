using Spectre.Console;

namespace Evolver.Cli;

/// <summary>What a command run talks to: its console and streams, its working directory and its clock.</summary>
/// <remarks>Injected so that tests run the whole command in-process against writers they read back.</remarks>
internal sealed class CliEnvironment
{
    /// <summary>Renders progress bars and tables on standard output.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Standard output, for plain lines.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: errors, warnings and hints.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The folder relative paths are resolved against; <c>.evolver/logs/</c> goes under it.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The clock.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>
    /// The repository (the folder holding Evolver.sln) whose <c>docker/</c> images and suites the commands use; null finds it
    /// above the working directory, then above the running binary.
    /// </summary>
    public string? RepoRoot { get; init; }

    /// <summary>The repository layout, or null when no repository is found.</summary>
    public RepoLayout? Repo =>
        RepoRoot is not null ? new RepoLayout(RepoRoot) : RepoLayout.Find(WorkingDirectory) ?? RepoLayout.Find(AppContext.BaseDirectory);

    /// <summary>The environment of the running process: the terminal, the current directory and the system clock.</summary>
    public static CliEnvironment FromProcess()
    {
        if (System.Console.IsOutputRedirected)
        {
            // Logs and pipes have no width; 80 columns would wrap every table row.
            AnsiConsole.Console.Profile.Width = 200;
        }

        return new CliEnvironment
        {
            Console = AnsiConsole.Console,
            Out = System.Console.Out,
            Error = System.Console.Error,
            WorkingDirectory = Directory.GetCurrentDirectory(),
            Time = TimeProvider.System,
        };
    }

    /// <summary>An environment writing plain text (no colours, no live redraw) to <paramref name="output"/> and <paramref name="error"/>.</summary>
    /// <param name="output">Receives standard output, tables included.</param>
    /// <param name="error">Receives standard error.</param>
    /// <param name="workingDirectory">The working directory.</param>
    /// <param name="time">The clock.</param>
    /// <param name="width">Console width tables are laid out for.</param>
    /// <param name="repoRoot">The repository root, or null to find it.</param>
    public static CliEnvironment ForWriters(
        TextWriter output, TextWriter error, string workingDirectory, TimeProvider time, int width = 200, string? repoRoot = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return new CliEnvironment
        {
            Console = console, Out = output, Error = error, WorkingDirectory = workingDirectory, Time = time, RepoRoot = repoRoot,
        };
    }

    /// <summary>Resolves <paramref name="path"/> against the working directory.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
}
