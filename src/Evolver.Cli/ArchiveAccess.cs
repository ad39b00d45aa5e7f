using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Evolver.Archive;
using LibGit2Sharp;

namespace Evolver.Cli;

/// <summary>What every <c>evolver archive</c> verb shares: the <c>--archive</c> and <c>--json</c> options, opening the archive, and its errors.</summary>
internal static class ArchiveAccess
{
    /// <summary>The archive folder when <c>--archive</c> is not given.</summary>
    public const string DefaultArchive = "./evolver-archive";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>--archive DIR</c>, default <see cref="DefaultArchive"/>.</summary>
    public static Option<string> ArchiveOption() => new("--archive")
    {
        Description = "The archive folder (a bare git repository made by 'evolver init').",
        DefaultValueFactory = _ => DefaultArchive,
        HelpName = "DIR",
    };

    /// <summary><c>--json</c>: JSON on standard output instead of a table.</summary>
    public static Option<bool> JsonOption() => new("--json") { Description = "Write JSON to standard output instead of a table." };

    /// <summary>
    /// Opens the archive at <paramref name="archive"/> and runs <paramref name="work"/> on it. An archive error (not an
    /// archive, a missing variant, a corrupt note, a foreign commit) is written to standard error: exit 2.
    /// </summary>
    public static int Run(CliEnvironment env, string archive, Func<AgentArchive, int> work)
    {
        var path = env.Resolve(archive);
        try
        {
            using var opened = AgentArchive.Open(path);
            return work(opened);
        }
        catch (ArchiveException e)
        {
            return Fail(env, e.Message);
        }
        catch (LibGit2SharpException e)
        {
            return Fail(env, $"git failed on the archive '{path}': {e.Message}");
        }
    }

    /// <summary>Writes <c>error: message</c> to standard error and returns the usage exit code.</summary>
    public static int Fail(CliEnvironment env, string message)
    {
        env.Error.WriteLine("error: " + message);
        return ExitCodes.Usage;
    }

    /// <summary>Writes <paramref name="node"/> indented to standard output.</summary>
    public static void WriteJson(CliEnvironment env, JsonNode node) => env.Out.WriteLine(node.ToJsonString(Indented));
}
