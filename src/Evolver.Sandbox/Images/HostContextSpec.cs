namespace Evolver.Sandbox;

/// <summary>
/// A family folder's <c>host-context.txt</c>: what of the host's dotnet root and offline NuGet folder joins the build
/// context. A family without the file gets nothing from the host.
/// </summary>
internal sealed class HostContextSpec
{
    public const string FileName = "host-context.txt";
    public const string DotnetPrefix = "host-dotnet";
    public const string NugetPrefix = "host-nuget";

    private HostContextSpec(IReadOnlyList<string> dotnetPaths, IReadOnlyList<string> dotnetExcludes, bool noSatellites, bool nugetOffline)
    {
        DotnetPaths = dotnetPaths;
        DotnetExcludes = dotnetExcludes;
        NoSatellites = noSatellites;
        NugetOffline = nugetOffline;
    }

    /// <summary>Paths under the dotnet root to copy, with <c>{sdk}</c> still in them.</summary>
    public IReadOnlyList<string> DotnetPaths { get; }

    /// <summary>Folders under the dotnet root to leave out.</summary>
    public IReadOnlyList<string> DotnetExcludes { get; }

    /// <summary>Whether localized <c>*.resources.dll</c> files are left out.</summary>
    public bool NoSatellites { get; }

    /// <summary>Whether the offline NuGet folder is copied.</summary>
    public bool NugetOffline { get; }

    /// <summary>Whether the SDK's version is an input of the image.</summary>
    public bool UsesSdk => DotnetPaths.Any(p => p.Contains("{sdk}", StringComparison.Ordinal));

    public static HostContextSpec Empty { get; } = new([], [], false, false);

    public static HostContextSpec Load(string familyDirectory)
    {
        var file = Path.Combine(familyDirectory, FileName);
        if (!File.Exists(file))
        {
            return Empty;
        }

        var paths = new List<string>();
        var excludes = new List<string>();
        bool noSatellites = false, nuget = false;
        var lineNo = 0;
        foreach (var raw in File.ReadLines(file))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            switch (parts[0], parts.Length)
            {
                case ("dotnet", 2):
                    paths.Add(CheckedPath(parts[1], file, lineNo));
                    break;
                case ("dotnet-exclude", 2):
                    excludes.Add(CheckedPath(parts[1], file, lineNo));
                    break;
                case ("dotnet-no-satellites", 1):
                    noSatellites = true;
                    break;
                case ("nuget-offline", 1):
                    nuget = true;
                    break;
                default:
                    throw new SandboxException($"{file}:{lineNo}: cannot read '{line}'");
            }
        }

        return new HostContextSpec(paths, excludes, noSatellites, nuget);
    }

    /// <summary>The host files to add, as (host path, path in the build context), in a stable order.</summary>
    public IEnumerable<(string Source, string Entry)> Files(HostDotnet dotnet, string offlinePackages)
    {
        var excluded = DotnetExcludes.Select(e => Path.Combine(dotnet.Root, Expand(e, dotnet))).ToHashSet(StringComparer.Ordinal);
        foreach (var path in DotnetPaths)
        {
            var relative = Expand(path, dotnet);
            var source = Path.Combine(dotnet.Root, relative);
            if (File.Exists(source))
            {
                yield return (source, $"{DotnetPrefix}/{relative}");
                continue;
            }

            if (!Directory.Exists(source))
            {
                throw new SandboxException($"the host's dotnet root {dotnet.Root} lacks {relative}, which {FileName} asks for");
            }

            foreach (var file in Walk(source, excluded))
            {
                if (NoSatellites && file.EndsWith(".resources.dll", StringComparison.Ordinal))
                {
                    continue;
                }

                yield return (file, $"{DotnetPrefix}/{Path.GetRelativePath(dotnet.Root, file)}");
            }
        }

        if (NugetOffline)
        {
            foreach (var file in OfflinePackageFiles(offlinePackages))
            {
                yield return (file, $"{NugetPrefix}/{Path.GetRelativePath(offlinePackages, file)}");
            }
        }
    }

    /// <summary>The offline folder's files, sorted; a missing folder is a set-up problem.</summary>
    public static IEnumerable<string> OfflinePackageFiles(string offlinePackages)
    {
        if (!Directory.Exists(offlinePackages))
        {
            throw new SandboxException($"the offline NuGet folder {offlinePackages} does not exist; evolver-dotnet copies it");
        }

        return Walk(offlinePackages, new HashSet<string>(StringComparer.Ordinal));
    }

    private static string Expand(string path, HostDotnet dotnet)
    {
        if (!path.Contains("{sdk}", StringComparison.Ordinal))
        {
            return path;
        }

        return path.Replace("{sdk}", dotnet.SdkVersion
            ?? throw new SandboxException($"no .NET SDK under {dotnet.Root}/sdk; {FileName} needs one"), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Walk(string dir, HashSet<string> excluded)
    {
        foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
        {
            yield return file;
        }

        foreach (var sub in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
        {
            if (excluded.Contains(sub))
            {
                continue;
            }

            foreach (var file in Walk(sub, excluded))
            {
                yield return file;
            }
        }
    }

    private static string CheckedPath(string path, string file, int lineNo) =>
        path.StartsWith('/') || path.Split('/').Contains("..")
            ? throw new SandboxException($"{file}:{lineNo}: '{path}' must be relative and stay inside the dotnet root")
            : path.TrimEnd('/');
}
