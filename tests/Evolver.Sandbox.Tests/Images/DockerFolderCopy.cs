namespace Evolver.Sandbox.Tests.Images;

/// <summary>A temporary copy of the repository's docker/ folder, to change inputs without touching the real one.</summary>
internal sealed class DockerFolderCopy : IDisposable
{
    public DockerFolderCopy()
    {
        Path = Directory.CreateTempSubdirectory("evolver-docker-").FullName;
        Copy(RepoRoot.Combine("docker"), Path);
    }

    public string Path { get; }

    public ImageBuildOptions Options(string? offlinePackages = null) => new()
    {
        DockerDirectory = Path,
        OfflinePackagesDirectory = offlinePackages ?? new ImageBuildOptions().OfflinePackagesDirectory,
    };

    /// <summary>Adds a family folder with this Dockerfile.</summary>
    public void AddFamily(string name, string dockerfile)
    {
        var dir = Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;
        File.WriteAllText(System.IO.Path.Combine(dir, "Dockerfile"), dockerfile);
    }

    public void Write(string relative, string text) => File.WriteAllText(System.IO.Path.Combine(Path, relative), text);

    public void Append(string relative, string text) => File.AppendAllText(System.IO.Path.Combine(Path, relative), text);

    public void Dispose() => Directory.Delete(Path, recursive: true);

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
        }
    }
}
