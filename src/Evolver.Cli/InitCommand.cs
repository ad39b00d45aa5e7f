using System.CommandLine;
using Evolver.Archive;
using LibGit2Sharp;

namespace Evolver.Cli;

/// <summary><c>evolver init &lt;dir&gt; --seed &lt;name&gt;</c>: creates an archive whose generation 0 is the given seed agents.</summary>
internal static class InitCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var dir = new Argument<string>("dir")
        {
            Description = "The archive folder to create; it must not exist or be empty.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ArchiveAccess.DefaultArchive,
        };
        var seeds = new Option<string[]>("--seed")
        {
            Description = "A seed agent: a name in archive/seeds/ (e.g. repair, coder) or a folder; repeat for several.",
            Required = true,
            HelpName = "name|dir",
        };
        var command = new Command("init", "Create an archive with seed agents as generation 0 (admitted, not evaluated yet).") { dir, seeds };
        command.SetAction((r, ct) => RunAsync(env, r.GetValue(dir)!, r.GetRequiredValue(seeds), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string dir, string[] seedNames, CancellationToken ct)
    {
        // Every seed is found before anything is created, so a typo leaves no half-made archive behind.
        var folders = seedNames.Select(s => InitSeeds.Resolve(env, s)).ToList();
        if (folders.Any(f => f is null))
        {
            return ExitCodes.Usage;
        }

        var path = env.Resolve(dir);
        var existed = Directory.Exists(path);
        AgentArchive archive;
        try
        {
            archive = AgentArchive.Init(path, timeProvider: env.Time);
        }
        catch (Exception e) when (e is ArchiveException or LibGit2SharpException or IOException)
        {
            // Init refused the folder (it holds something) or could not write it: nothing of ours to clean up.
            return ArchiveAccess.Fail(env, e.Message);
        }

        try
        {
            foreach (var folder in folders)
            {
                var seed = await archive.AddSeedAsync(folder!, null, ct).ConfigureAwait(false);
                env.Out.WriteLine($"seed {Path.GetFileName(folder)} archived as {seed.Id} (commit {seed.Commit[..12]})");
            }

            env.Out.WriteLine($"created the archive {path} with {folders.Count} seed{(folders.Count == 1 ? "" : "s")}; 'evolver archive ls --archive {dir}' lists it.");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is ArchiveException or LibGit2SharpException or IOException)
        {
            // The folder was empty or missing before Init, so everything in it now is this run's: remove the half-made archive.
            archive.Dispose();
            TryRemove(path, existed);
            return ArchiveAccess.Fail(env, e.Message);
        }
        finally
        {
            archive.Dispose();
        }
    }

    private static void TryRemove(string path, bool keepFolder)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
                if (keepFolder)
                {
                    Directory.CreateDirectory(path);
                }
            }
        }
        catch (IOException)
        {
            // Best effort: the error below says what failed.
        }
    }
}
