namespace Evolver.Suites;

/// <summary>Finds the upstream licence file that ships with a benchmark.</summary>
internal static class UpstreamLicense
{
    /// <summary>The first <c>LICENSE*</c> or <c>COPYING*</c> file in the given folders, searched in order.</summary>
    public static string? Find(params string?[] folders) => folders
        .Where(f => f is not null && Directory.Exists(f))
        .SelectMany(f => Directory.EnumerateFiles(f!).Order(StringComparer.Ordinal))
        .FirstOrDefault(f => Path.GetFileName(f).StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase)
            || Path.GetFileName(f).StartsWith("COPYING", StringComparison.OrdinalIgnoreCase));
}
