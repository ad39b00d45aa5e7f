using LibGit2Sharp;

namespace Evolver.Archive;

/// <summary>Fetches what makes an archive (variant, logs and marker refs, and the notes) into a new bare repository.</summary>
internal static class ArchiveFetcher
{
    public static void FetchInto(string urlOrPath, string directory)
    {
        var source = Directory.Exists(urlOrPath) ? Path.GetFullPath(urlOrPath) : urlOrPath;
        Repository.Init(directory, isBare: true);
        using var repo = new Repository(directory);
        repo.Network.Remotes.Add("origin", source);
        Commands.Fetch(
            repo,
            "origin",
            ["+refs/evolver/*:refs/evolver/*", $"+{ArchiveLayout.NotesRef}:{ArchiveLayout.NotesRef}"],
            new FetchOptions(),
            "evolver clone");
    }
}
