namespace Evolver.Sandbox;

/// <summary>Where <see cref="SandboxImages"/> finds the image definitions and the host's inputs. Defaults suit this repository.</summary>
public sealed class ImageBuildOptions
{
    /// <summary>The repository's <c>docker/</c> folder; null finds it above the running binary or the working directory. Default null.</summary>
    public string? DockerDirectory { get; set; }

    /// <summary>The host's dotnet root, whose runtime and SDK are copied into the images; null uses the running runtime's root. Default null.</summary>
    public string? DotnetRoot { get; set; }

    /// <summary>The host's offline NuGet folder, copied into <c>evolver-dotnet</c>. Default <c>/opt/nuget/packages</c>.</summary>
    public string OfflinePackagesDirectory { get; set; } = "/opt/nuget/packages";

    /// <summary>The Debian mirror debootstrap reads when the base is built. Default <c>http://deb.debian.org/debian</c>.</summary>
    public string DebianMirror { get; set; } = "http://deb.debian.org/debian";

    /// <summary>Where the base root file system and the build context are staged; null uses the system temp folder. Default null.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>Clock used to time builds. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the options once, before anything is built.</summary>
    /// <returns>Problems found, each naming the option; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (DockerDirectory is not null && !Directory.Exists(DockerDirectory))
        {
            problems.Add($"DockerDirectory {DockerDirectory} does not exist");
        }

        if (DotnetRoot is not null && !File.Exists(Path.Combine(DotnetRoot, "dotnet")))
        {
            problems.Add($"DotnetRoot {DotnetRoot} holds no dotnet executable");
        }

        if (string.IsNullOrWhiteSpace(OfflinePackagesDirectory))
        {
            problems.Add("OfflinePackagesDirectory must be set");
        }

        if (!Uri.TryCreate(DebianMirror, UriKind.Absolute, out var mirror) || mirror.Scheme is not ("http" or "https"))
        {
            problems.Add($"DebianMirror must be an http(s) URL, got '{DebianMirror}'");
        }

        if (WorkDirectory is not null && !Directory.Exists(WorkDirectory))
        {
            problems.Add($"WorkDirectory {WorkDirectory} does not exist");
        }

        return problems;
    }
}
