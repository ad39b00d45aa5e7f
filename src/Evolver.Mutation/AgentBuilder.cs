using Evolver.Core;
using Microsoft.CodeAnalysis;

namespace Evolver.Mutation;

/// <summary>
/// Builds an agent's C# source folder in memory with Roslyn into a folder a sandbox can run with
/// <c>dotnet agent.dll</c>: the agent assembly and pdb, a copy of Evolver.Agents.Sdk, and <c>agent.runtimeconfig.json</c>.
/// </summary>
/// <remarks>
/// Every <c>*.cs</c> file of the folder compiles together (top-level <c>bin/</c>, <c>obj/</c> and hidden folders
/// skipped), with the SDK's implicit usings, nullable enabled and C# 14, against the framework reference assemblies and
/// the SDK only: a <c>*.csproj</c> beside the sources is for people running <c>dotnet build</c> and is not read, so
/// package references in it have no effect here. The output is deterministic: the same sources give the same bytes,
/// wherever the folders are. Safe to use from several threads.
/// </remarks>
public sealed class AgentBuilder
{
    /// <summary>The file name of the built agent's entry assembly.</summary>
    public const string EntryAssembly = AgentCompiler.AssemblyName + ".dll";

    private readonly AgentBuilderOptions options;
    private readonly TimeProvider timeProvider;
    private readonly string referenceDirectory;

    /// <summary>Creates a builder.</summary>
    /// <param name="options">Settings, validated here.</param>
    /// <param name="timeProvider">Times each build.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public AgentBuilder(AgentBuilderOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        this.options = options;
        this.timeProvider = timeProvider;
        referenceDirectory = options.ReferenceAssembliesDirectory ?? FrameworkReferences.DefaultReferenceDirectory;
    }

    /// <summary>The folder of framework assemblies agents compile against.</summary>
    public string ReferenceDirectory => referenceDirectory;

    /// <summary>
    /// Compiles the agent in <paramref name="agentDirectory"/> and, when it compiles, writes it to
    /// <paramref name="outputDirectory"/> (created if missing; the build's files are overwritten, others left alone).
    /// Compile errors are returned in the result; nothing is written then.
    /// </summary>
    /// <param name="agentDirectory">The agent's project folder; its name becomes the artifact's name.</param>
    /// <param name="outputDirectory">Where the runnable agent goes; the sandbox mounts it at <c>/opt/agent</c>.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <exception cref="DirectoryNotFoundException"><paramref name="agentDirectory"/> does not exist.</exception>
    public async Task<AgentBuildResult> BuildAsync(string agentDirectory, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        agentDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(agentDirectory));
        outputDirectory = Path.GetFullPath(outputDirectory);
        if (!Directory.Exists(agentDirectory))
        {
            throw new DirectoryNotFoundException($"agent folder {agentDirectory} does not exist");
        }

        var start = timeProvider.GetTimestamp();
        var files = AgentSourceFiles.Find(agentDirectory);
        if (files.Count == 0)
        {
            return new AgentBuildResult(null, [$"error: no C# source file (*.cs) in {agentDirectory}"], timeProvider.GetElapsedTime(start));
        }

        var trees = new List<SyntaxTree>(files.Count);
        foreach (var file in files)
        {
            var content = await File.ReadAllBytesAsync(Path.Combine(agentDirectory, file), cancellationToken).ConfigureAwait(false);
            trees.Add(AgentCompiler.Parse(content, file, cancellationToken));
        }

        using var assembly = new MemoryStream();
        using var pdb = new MemoryStream();
        var emitted = AgentCompiler.Emit(trees, FrameworkReferences.Get(referenceDirectory), assembly, pdb, cancellationToken);
        var diagnostics = DiagnosticText.Format(emitted.Diagnostics, options.MaxDiagnostics);
        if (!emitted.Success)
        {
            return new AgentBuildResult(null, diagnostics, timeProvider.GetElapsedTime(start));
        }

        Directory.CreateDirectory(outputDirectory);
        await File.WriteAllBytesAsync(Path.Combine(outputDirectory, EntryAssembly), assembly.ToArray(), cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(Path.Combine(outputDirectory, AgentCompiler.AssemblyName + ".pdb"), pdb.ToArray(), cancellationToken)
            .ConfigureAwait(false);
        await File.WriteAllBytesAsync(
                Path.Combine(outputDirectory, AgentCompiler.AssemblyName + ".runtimeconfig.json"), RuntimeConfig.Create(), cancellationToken)
            .ConfigureAwait(false);
        var sdk = FrameworkReferences.SdkAssemblyPath;
        File.Copy(sdk, Path.Combine(outputDirectory, Path.GetFileName(sdk)), overwrite: true);

        var artifact = new AgentArtifact(Path.GetFileName(agentDirectory), AgentKind.Program, outputDirectory, EntryAssembly);
        return new AgentBuildResult(artifact, diagnostics, timeProvider.GetElapsedTime(start));
    }
}
