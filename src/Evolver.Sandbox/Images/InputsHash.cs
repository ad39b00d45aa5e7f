using System.Security.Cryptography;
using System.Text;

namespace Evolver.Sandbox;

/// <summary>
/// The content hash behind each concrete tag: every file of the image's folder plus the host inputs copied into it, so a
/// changed Dockerfile, base, runtime, SDK or offline package set gives a new tag and an unchanged one reuses the image.
/// </summary>
internal static class InputsHash
{
    private const int HexLength = 16;

    public static string Base(string baseDirectory, HostDotnet host)
    {
        var text = new StringBuilder("evolver-image-inputs 1\nfamily evolver-base\n");
        AppendFolder(text, baseDirectory);
        text.Append("runtime ").Append(host.RuntimeVersion).Append('\n');
        return Digest(text);
    }

    public static string Family(string familyDirectory, string baseTag, HostDotnet host, HostContextSpec context, string offlinePackages)
    {
        var text = new StringBuilder("evolver-image-inputs 1\n");
        text.Append("family ").Append(Path.GetFileName(familyDirectory)).Append('\n');
        AppendFolder(text, familyDirectory);
        text.Append("base ").Append(baseTag).Append('\n');
        if (context.UsesSdk)
        {
            text.Append("sdk ").Append(host.SdkVersion).Append('\n');
        }

        if (context.NugetOffline)
        {
            // Names and sizes are enough: a package folder never changes a published version in place.
            foreach (var file in HostContextSpec.OfflinePackageFiles(offlinePackages))
            {
                text.Append("nuget ").Append(Path.GetRelativePath(offlinePackages, file).Replace('\\', '/'))
                    .Append(' ').Append(new FileInfo(file).Length).Append('\n');
            }
        }

        return Digest(text);
    }

    private static void AppendFolder(StringBuilder text, string directory)
    {
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(directory, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (full, relative) in files)
        {
            text.Append("file ").Append(relative).Append(' ')
                .Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full)))).Append('\n');
        }
    }

    private static string Digest(StringBuilder text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..HexLength];
}
