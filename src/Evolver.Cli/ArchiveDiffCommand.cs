using System.CommandLine;
using System.Text.Json.Nodes;

namespace Evolver.Cli;

/// <summary><c>evolver archive diff &lt;a&gt; [b]</c>: the code change from a's first parent to a, or from a to b.</summary>
internal static class ArchiveDiffCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = ArchiveAccess.ArchiveOption();
        var json = ArchiveAccess.JsonOption();
        var a = new Argument<string>("a") { Description = "A variant's id." };
        var b = new Argument<string?>("b") { Description = "Another variant's id; without it, the diff is from a's first parent (an empty tree for a seed) to a.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("diff", "Show the unified diff of the agent's code: from a's parent to a, or from a to b.") { a, b, archive, json };
        command.SetAction(r => ArchiveAccess.Run(env, r.GetValue(archive)!, archived =>
        {
            var id = r.GetValue(a)!;
            var other = r.GetValue(b);
            var patch = archived.Diff(id, other);
            var (from, to) = other is null ? (archived.GetVariant(id).Parents.FirstOrDefault(), id) : (id, other);
            if (r.GetValue(json))
            {
                ArchiveAccess.WriteJson(env, new JsonObject { ["from"] = from, ["to"] = to, ["patch"] = patch });
            }
            else if (patch.Length == 0)
            {
                env.Error.WriteLine($"no code change from {from ?? "nothing"} to {to}");
            }
            else
            {
                // The patch goes out as it is: no table, no markup, so it can be piped to `git apply`.
                env.Out.Write(patch);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
