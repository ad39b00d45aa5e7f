using System.CommandLine;

namespace Evolver.Cli;

/// <summary><c>evolver archive</c>: the verbs that read and maintain an archive, for analysts and CI.</summary>
internal static class ArchiveCommand
{
    /// <summary>Builds the verb and its subverbs.</summary>
    public static Command Create(CliEnvironment env) => new("archive", "Browse and maintain an archive of agent variants (every verb takes --archive DIR and --json).")
    {
        ArchiveListCommand.Create(env),
        ArchiveShowCommand.Create(env),
        ArchiveDiffCommand.Create(env),
        ArchiveLineageCommand.Create(env),
        ArchiveTreeCommand.Create(env),
        ArchiveExportCommand.Create(env),
        ArchiveCloneCommand.Create(env),
        ArchiveReindexCommand.Create(env),
        ArchiveFsckCommand.Create(env),
    };
}
