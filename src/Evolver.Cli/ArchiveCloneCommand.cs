using System.CommandLine;
using System.Text.Json.Nodes;
using Evolver.Archive;
using LibGit2Sharp;

namespace Evolver.Cli;

/// <summary><c>evolver archive clone &lt;url|path&gt; [dir]</c>: fetches a published archive, for a CI pipeline.</summary>
internal static class ArchiveCloneCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = ArchiveAccess.ArchiveOption();
        archive.Description = "Where the clone goes when no dir is given.";
        var json = ArchiveAccess.JsonOption();
        var source = new Argument<string>("source") { Description = "The published archive: a URL git understands, or a folder." };
        var dir = new Argument<string?>("dir") { Description = "The folder to clone into (must not exist or be empty); default the --archive folder.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("clone", "Clone a published archive (its variants, notes and logs) and build its index.") { source, dir, archive, json };
        command.SetAction(r =>
        {
            var from = r.GetValue(source)!;

            // A folder is resolved against the working directory; anything else (https://, ssh://, file://) goes to git as it is.
            var local = env.Resolve(from);
            if (Directory.Exists(local))
            {
                from = local;
            }

            var target = env.Resolve(r.GetValue(dir) ?? r.GetValue(archive)!);
            try
            {
                using var cloned = AgentArchive.Clone(from, target);
                var variants = cloned.ListVariants().Count;
                if (r.GetValue(json))
                {
                    ArchiveAccess.WriteJson(env, new JsonObject { ["source"] = from, ["archive"] = target, ["variants"] = variants });
                }
                else
                {
                    env.Out.WriteLine($"cloned {variants} variant{(variants == 1 ? "" : "s")} from {from} into {target}");
                }

                return ExitCodes.Success;
            }
            catch (ArchiveException e)
            {
                return ArchiveAccess.Fail(env, e.Message);
            }
            catch (LibGit2SharpException e)
            {
                return ArchiveAccess.Fail(env, $"cannot clone '{from}': {e.Message}");
            }
        });
        return command;
    }
}
