using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Evolver.Agents.Sdk;
using Microsoft.CodeAnalysis;

namespace Evolver.Mutation;

/// <summary>
/// The assemblies an agent compiles against, loaded once per process per folder because reading ~170 assemblies'
/// metadata costs far more than compiling a small agent.
/// </summary>
/// <remarks>
/// The reference pack is preferred over the running process's trusted-platform-assemblies list: it is the public API
/// contract of the framework, the same one <c>dotnet build</c> uses, so an agent cannot bind to members that exist only
/// in the host's patch of the runtime; and the TPA list of a test or CLI process also holds that process's own
/// dependencies (Roslyn, xunit), which an agent must not see. The running runtime's own folder is the fallback for hosts
/// without the SDK.
/// </remarks>
internal static class FrameworkReferences
{
    private static readonly ConcurrentDictionary<string, Lazy<ImmutableArray<MetadataReference>>> Cache = new(StringComparer.Ordinal);

    private static readonly Lazy<MetadataReference> Sdk = new(() => MetadataReference.CreateFromFile(SdkAssemblyPath));

    private static readonly Lazy<string> DefaultDirectory = new(LocateDefaultDirectory);

    /// <summary>The Evolver.Agents.Sdk assembly this process was built with; agents compile against it and ship a copy.</summary>
    public static string SdkAssemblyPath
    {
        get
        {
            var path = typeof(AgentHost).Assembly.Location;
            return path.Length > 0
                ? path
                : throw new InvalidOperationException("Evolver.Agents.Sdk has no file location (single-file publish is not supported)");
        }
    }

    /// <summary>The framework folder used when the options name none.</summary>
    public static string DefaultReferenceDirectory => DefaultDirectory.Value;

    /// <summary>The framework assemblies in <paramref name="directory"/> plus the SDK, in a stable order.</summary>
    public static ImmutableArray<MetadataReference> Get(string directory) =>
        Cache.GetOrAdd(Path.GetFullPath(directory), d => new Lazy<ImmutableArray<MetadataReference>>(() => Load(d))).Value;

    private static ImmutableArray<MetadataReference> Load(string directory)
    {
        var files = Directory.GetFiles(directory, "*.dll").Where(HasMetadata).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"{directory} holds no managed assemblies to compile against");
        }

        return [.. files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)), Sdk.Value];
    }

    /// <summary>False for native libraries, which a runtime folder may hold beside the managed ones.</summary>
    private static bool HasMetadata(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            using var reader = new PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static string LocateDefaultDirectory()
    {
        // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.<minor>
        var runtimeDirectory = Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());
        var version = Environment.Version;
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtimeDirectory)));
        var packs = root is null ? null : Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        if (packs is not null && Directory.Exists(packs))
        {
            var tfm = $"net{version.Major}.{version.Minor}";
            var refDirectory = Directory.GetDirectories(packs)
                .Select(d => (Directory: d, Version: Version.TryParse(Path.GetFileName(d), out var v) ? v : null))
                .Where(p => p.Version is not null && p.Version.Major == version.Major && p.Version.Minor == version.Minor)
                .OrderByDescending(p => p.Version)
                .Select(p => Path.Combine(p.Directory, "ref", tfm))
                .FirstOrDefault(Directory.Exists);
            if (refDirectory is not null)
            {
                return refDirectory;
            }
        }

        return runtimeDirectory;
    }
}
