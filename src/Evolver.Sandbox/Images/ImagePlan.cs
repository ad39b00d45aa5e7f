namespace Evolver.Sandbox;

/// <summary>What one <see cref="SandboxImages.EnsureAsync"/> call needs: the tags it wants, from the hash of their inputs.</summary>
/// <param name="Family">The family asked for, for example <c>evolver-python</c>.</param>
/// <param name="Tag">The family's concrete tag, <c>family:hash</c>; the base tag for <c>evolver-base</c>.</param>
/// <param name="BaseTag">The base image's concrete tag.</param>
/// <param name="FamilyDirectory">The family's folder under <c>docker/</c>; the base folder for <c>evolver-base</c>.</param>
/// <param name="BaseDirectory">The <c>docker/base</c> folder.</param>
/// <param name="Host">The host's .NET install.</param>
/// <param name="Context">What the family takes from the host.</param>
internal sealed record ImagePlan(
    string Family, string Tag, string BaseTag, string FamilyDirectory, string BaseDirectory, HostDotnet Host, HostContextSpec Context)
{
    public const string BaseFamily = "evolver-base";
    public const string FamilyPrefix = "evolver-";

    public bool IsBase => Family == BaseFamily;

    /// <summary>Works out the tags without touching the engine; the same inputs always give the same tags.</summary>
    public static ImagePlan Create(string family, ImageBuildOptions options)
    {
        if (!family.StartsWith(FamilyPrefix, StringComparison.Ordinal)
            || family.Length == FamilyPrefix.Length
            || !family.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"image family must look like 'evolver-<name>' in lower case, got '{family}'", nameof(family));
        }

        var docker = options.DockerDirectory ?? FindDockerDirectory();
        var baseDir = Path.Combine(docker, "base");
        var host = HostDotnet.Detect(options.DotnetRoot);
        var baseTag = $"{BaseFamily}:{InputsHash.Base(baseDir, host)}";
        if (family == BaseFamily)
        {
            return new ImagePlan(family, baseTag, baseTag, baseDir, baseDir, host, HostContextSpec.Empty);
        }

        var dir = Path.Combine(docker, family[FamilyPrefix.Length..]);
        if (!File.Exists(Path.Combine(dir, "Dockerfile")))
        {
            throw new ArgumentException($"unknown image family '{family}': {dir}/Dockerfile does not exist", nameof(family));
        }

        var context = HostContextSpec.Load(dir);
        var tag = $"{family}:{InputsHash.Family(dir, baseTag, host, context, options.OfflinePackagesDirectory)}";
        return new ImagePlan(family, tag, baseTag, dir, baseDir, host, context);
    }

    private static string FindDockerDirectory()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "docker");
                if (File.Exists(Path.Combine(candidate, "base", BaseImageBuilder.RootfsScript)))
                {
                    return candidate;
                }
            }
        }

        throw new SandboxException(
            $"cannot find the image definitions (docker/base/{BaseImageBuilder.RootfsScript}) above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}; "
            + "run from the repository or set ImageBuildOptions.DockerDirectory");
    }
}
