using System.CommandLine;
using Evolver.Archive;
using Evolver.Web;

namespace Evolver.Cli;

/// <summary><c>evolver report</c>: the lineage tree and plots of an archive as one self-contained HTML file.</summary>
internal static class ReportCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = ArchiveAccess.ArchiveOption();
        var output = new Option<string>("--out")
        {
            Description = "The HTML file to write (replaced if it exists).",
            DefaultValueFactory = _ => "report.html",
            HelpName = "FILE",
        };
        var command = new Command(
            "report",
            "Write one self-contained HTML file (data, scripts and style inlined; no server, nothing loaded from the network) "
            + "with the archive's lineage tree, plots, filters and each variant's evaluation record.")
        { archive, output };
        command.SetAction(async (r, ct) =>
        {
            var path = env.Resolve(r.GetValue(archive)!);
            var target = env.Resolve(r.GetValue(output)!);
            if (Directory.Exists(target))
            {
                return ArchiveAccess.Fail(env, $"--out '{target}' is a folder; pass a file name such as report.html.");
            }

            try
            {
                var count = await LineageReport.WriteAsync(path, target, env.Time, ct).ConfigureAwait(false);
                env.Out.WriteLine($"wrote {target}: {count} variant{(count == 1 ? "" : "s")}, {new FileInfo(target).Length / 1024} KiB; open it in a browser (no server needed).");
                return ExitCodes.Success;
            }
            catch (ArchiveException e)
            {
                return ArchiveAccess.Fail(env, e.Message);
            }
            catch (UnauthorizedAccessException e)
            {
                return ArchiveAccess.Fail(env, $"cannot write --out '{target}': {e.Message}");
            }
        });
        return command;
    }
}
