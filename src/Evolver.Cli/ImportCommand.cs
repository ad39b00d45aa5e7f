using System.CommandLine;
using Evolver.Sandbox;
using Evolver.Suites;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary><c>evolver import</c>: converts an upstream benchmark into a native suite, validating each task with a gold run.</summary>
internal static class ImportCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var from = new Option<string>("--from") { Description = "The upstream benchmark folder.", Required = true, HelpName = "upstream dir" };
        var @out = new Option<string>("--out") { Description = "The suite folder to write (replaced as a whole when the import ends).", Required = true, HelpName = "suite dir" };
        var format = new Option<string?>("--format") { Description = "The upstream layout; detected when omitted.", HelpName = "polyglot|exercism-csharp|quixbugs" };
        format.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !SuiteFormats.TryParse(r.Tokens[0].Value, out _))
            {
                r.AddError($"--format must be one of {string.Join(", ", SuiteFormats.All.Select(SuiteFormats.Name))}, got '{r.Tokens[0].Value}'");
            }
        });
        var tasks = new Option<string?>("--tasks") { Description = "Only these exercises: ids or patterns with * and ?, separated by commas.", HelpName = "patterns" };
        var parallel = CommonOptions.Parallel();
        var command = new Command("import", "Import an upstream benchmark (Polyglot Python, Exercism C#, QuixBugs) as a native task suite.")
        {
            from, @out, format, tasks, parallel,
        };
        command.SetAction((r, ct) => RunAsync(env, r.GetRequiredValue(from), r.GetRequiredValue(@out), r.GetValue(format), r.GetValue(tasks), r.GetValue(parallel), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string from, string @out, string? formatName, string? tasks, int parallel, CancellationToken ct)
    {
        using var logging = CliLogging.Start(env, "import");
        var options = new ImportOptions
        {
            From = env.Resolve(from),
            Out = env.Resolve(@out),
            Format = formatName is null ? null : SuiteFormats.TryParse(formatName, out var f) ? f : null,
            TaskFilter = tasks,
            Parallelism = parallel,
        };
        if (Problems(options) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                env.Error.WriteLine("error: " + problem);
            }

            return ExitCodes.Usage;
        }

        var family = ImportRun.ImageFamily(options.Format!.Value);
        await using var sandbox = await SandboxHost.OpenAsync(env, logging.Logger, new SandboxOptions(), [family], ct).ConfigureAwait(false);
        if (sandbox is null)
        {
            return ExitCodes.HarnessError;
        }

        var report = await ImportRun.RunAsync(env, logging.Logger, sandbox, options, ct).ConfigureAwait(false);
        env.Console.WriteLine($"log: {logging.FilePath}");
        return ExitCode(env, report);
    }

    /// <summary>The exit code of an import, after saying what went wrong: 0 written, 1 nothing importable, 3 tasks failed in the sandbox.</summary>
    public static int ExitCode(CliEnvironment env, ImportReport report)
    {
        var failed = report.Tasks.Count(t => t.Status == ImportStatus.Failed);
        if (!report.Succeeded)
        {
            env.Error.WriteLine($"error: import failed: {report.Error}");
        }

        if (failed > 0)
        {
            env.Error.WriteLine(
                $"error: {failed} task(s) could not be validated in the sandbox (status failed, see the reasons above); run the import again to retry them.");
            return ExitCodes.HarnessError;
        }

        return report.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>What is wrong with the options, each naming its command-line option; also settles a missing format by detection.</summary>
    private static List<string> Problems(ImportOptions options)
    {
        var problems = options.Validate().Select(p => p
            .Replace("From", "--from", StringComparison.Ordinal)
            .Replace("Out", "--out", StringComparison.Ordinal)
            .Replace("TaskFilter", "--tasks", StringComparison.Ordinal)
            .Replace("Parallelism", "--parallel", StringComparison.Ordinal)).ToList();
        if (problems.Count == 0 && options.Format is null)
        {
            options.Format = SuiteImporter.Detect(options.From);
            if (options.Format is null)
            {
                problems.Add(
                    $"--from: {options.From} is none of the known layouts ({string.Join(", ", SuiteFormats.All.Select(SuiteFormats.Name))}); name it with --format");
            }
        }

        return problems;
    }
}
