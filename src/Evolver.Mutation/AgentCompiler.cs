using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Evolver.Mutation;

/// <summary>Compiles an agent's sources in memory with the settings a default net project of the running runtime has.</summary>
internal static class AgentCompiler
{
    /// <summary>The agent's assembly name; the entry assembly is this plus <c>.dll</c>.</summary>
    public const string AssemblyName = "agent";

    /// <summary>The SDK's implicit usings for <c>Microsoft.NET.Sdk</c> projects.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;

        """;

    private static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.CSharp14, DocumentationMode.Parse, SourceCodeKind.Regular, PreprocessorSymbols());

    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.ConsoleApplication,
            optimizationLevel: OptimizationLevel.Release,
            warningLevel: Environment.Version.Major,
            deterministic: true,
            nullableContextOptions: NullableContextOptions.Enable)
        // The SDK's default NoWarn: assembly-version unification notes that say nothing about the agent's code.
        .WithSpecificDiagnosticOptions([
            KeyValuePair.Create("CS1701", ReportDiagnostic.Suppress),
            KeyValuePair.Create("CS1702", ReportDiagnostic.Suppress),
        ]);

    private static readonly SyntaxTree ImplicitUsingsTree = CSharpSyntaxTree.ParseText(
        SourceText.From(ImplicitUsings, Encoding.UTF8, SourceHashAlgorithm.Sha256), ParseOptions, "obj/ImplicitUsings.g.cs");

    private static readonly EmitOptions EmitOptions = new(
        debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: AssemblyName + ".pdb");

    /// <summary>Parses one source file; <paramref name="path"/> is what diagnostics and the pdb will name.</summary>
    public static SyntaxTree Parse(byte[] content, string path, CancellationToken cancellationToken) =>
        CSharpSyntaxTree.ParseText(
            SourceText.From(content, content.Length, Encoding.UTF8, SourceHashAlgorithm.Sha256),
            ParseOptions,
            path,
            cancellationToken);

    /// <summary>Compiles <paramref name="trees"/> (plus the implicit usings) and emits the assembly and pdb into the streams.</summary>
    public static EmitResult Emit(
        IEnumerable<SyntaxTree> trees,
        ImmutableArray<MetadataReference> references,
        Stream assembly,
        Stream pdb,
        CancellationToken cancellationToken)
    {
        var compilation = Compile(trees, references);
        return compilation.Emit(assembly, pdb, options: EmitOptions, cancellationToken: cancellationToken);
    }

    /// <summary>The compilation <see cref="Emit"/> emits, for validation: same trees, implicit usings, references and options.</summary>
    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create(AssemblyName, [ImplicitUsingsTree, .. trees], references, CompilationOptions);

    /// <summary>The symbols the SDK defines for a Release build of <c>netX.Y</c>, so <c>#if NET8_0_OR_GREATER</c> means the same.</summary>
    private static IEnumerable<string> PreprocessorSymbols()
    {
        var version = Environment.Version;
        string[] fixedSymbols = ["TRACE", "RELEASE", "NET", "NETCOREAPP", $"NET{version.Major}_{version.Minor}"];
        return fixedSymbols.Concat(Enumerable.Range(5, version.Major - 4).Select(major => $"NET{major}_0_OR_GREATER"));
    }
}
