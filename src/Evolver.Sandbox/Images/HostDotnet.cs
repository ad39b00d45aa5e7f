using System.Runtime.InteropServices;

namespace Evolver.Sandbox;

/// <summary>The host's .NET install that the images copy: its root, the running runtime's version and the SDK's.</summary>
internal sealed record HostDotnet(string Root, string RuntimeVersion, string? SdkVersion)
{
    /// <summary>Reads the install; the root defaults to the one the current process runs on.</summary>
    public static HostDotnet Detect(string? root)
    {
        // .../dotnet/shared/Microsoft.NETCore.App/<version>/ : the running runtime, whatever the entry binary was.
        var runtimeDir = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd('/'));
        var runningRoot = runtimeDir.Parent?.Parent?.Parent?.FullName
            ?? throw new SandboxException($"cannot find the dotnet root above {runtimeDir.FullName}");
        root = Path.GetFullPath(root ?? runningRoot);

        var runtimes = Versions(Path.Combine(root, "shared", "Microsoft.NETCore.App"));
        var runtime = runtimes.Contains(runtimeDir.Name, StringComparer.Ordinal)
            ? runtimeDir.Name
            : runtimes.LastOrDefault() ?? throw new SandboxException($"no .NET runtime under {root}/shared/Microsoft.NETCore.App");

        // The SDK that ships with this runtime's major version, newest first (what `dotnet --list-sdks` shows last).
        var major = runtime.Split('.')[0] + ".";
        var sdk = Versions(Path.Combine(root, "sdk")).LastOrDefault(v => v.StartsWith(major, StringComparison.Ordinal));
        return new HostDotnet(root, runtime, sdk);
    }

    private static List<string> Versions(string dir) =>
        Directory.Exists(dir)
            ? Directory.GetDirectories(dir).Select(Path.GetFileName).OfType<string>()
                .Where(n => char.IsAsciiDigit(n[0]))
                .OrderBy(n => VersionKey(n).Version).ThenBy(n => VersionKey(n).Label, StringComparer.Ordinal)
                .ToList()
            : [];

    private static (Version Version, string Label) VersionKey(string name)
    {
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        var core = dash < 0 ? name : name[..dash];
        // A release sorts after its previews: "~" is above every pre-release label.
        return (Version.TryParse(core, out var v) ? v : new Version(0, 0), dash < 0 ? "~" : name[dash..]);
    }
}
