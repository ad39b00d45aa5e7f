using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>The mutate tests run one after another, so each can check that its run left no temporary folder behind.</summary>
[CollectionDefinition(Name)]
public sealed class MutateCollection
{
    public const string Name = "mutate";

    /// <summary>The temporary folders <c>evolver mutate</c> makes, by name.</summary>
    public static IReadOnlyList<string> TempFolders() => [.. Directory.GetDirectories(Path.GetTempPath(), "evolver-mutate-*").Order(StringComparer.Ordinal)];
}
