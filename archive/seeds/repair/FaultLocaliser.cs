using System.Text.RegularExpressions;

/// <summary>
/// Ranks the code lines of the repository's source files by suspiciousness: the Ochiai spectrum score when per-test
/// coverage is known, plus a bonus for lines named in the failing output (tracebacks, stack traces). Every other code
/// line of the source files follows with a small score, so the search can still reach it.
/// </summary>
internal static class FaultLocaliser
{
    private static readonly Regex PythonFramePattern = new("File \"(?<file>[^\"]+)\", line (?<line>\\d+)");

    private static readonly Regex PytestFramePattern = new(@"^(?<file>[\w./-]+\.py):(?<line>\d+): ", RegexOptions.Multiline);

    private static readonly Regex DotnetFramePattern = new(@" in (?<file>/?[\w./-]+\.cs):line (?<line>\d+)");

    private const double TracebackBonus = 0.5;
    private const double Unreached = 0.01;

    public static IReadOnlyList<SuspiciousLine> Rank(IReadOnlyList<SourceFile> sources, Baseline baseline, string repoRoot)
    {
        var scores = new Dictionary<(string File, int Line), double>();
        var failing = baseline.Run.Failed;
        var covered = baseline.Coverage;
        if (covered.Count > 0 && failing.Count > 0)
        {
            var failedBy = new Dictionary<string, int>(StringComparer.Ordinal);
            var passedBy = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (test, lines) in covered)
            {
                var counts = failing.Contains(test) ? failedBy : passedBy;
                foreach (var line in lines)
                {
                    counts[line] = counts.GetValueOrDefault(line) + 1;
                }
            }

            foreach (var (line, ef) in failedBy)
            {
                var ep = passedBy.GetValueOrDefault(line);
                var ochiai = ef / Math.Sqrt((double)failing.Count * (ef + ep));
                if (Split(line) is { } key)
                {
                    scores[key] = ochiai;
                }
            }
        }

        foreach (var key in TracebackLines(baseline.Run.Output, repoRoot))
        {
            scores[key] = scores.GetValueOrDefault(key) + TracebackBonus;
        }

        var ranked = new List<SuspiciousLine>();
        foreach (var source in sources)
        {
            for (var i = 0; i < source.Lines.Length; i++)
            {
                if (source.IsCode[i])
                {
                    ranked.Add(new SuspiciousLine(source.Path, i, scores.TryGetValue((source.Path, i), out var s) ? s : Unreached));
                }
            }
        }

        return ranked.OrderByDescending(l => Math.Round(l.Score, 3)).ThenBy(l => l.File, StringComparer.Ordinal).ThenBy(l => l.Line).ToList();
    }

    /// <summary>0-based (file, line) pairs named in tracebacks, pytest's short format, and .NET stack traces, once each.</summary>
    private static IEnumerable<(string File, int Line)> TracebackLines(string output, string repoRoot)
    {
        var found = new HashSet<(string, int)>();
        foreach (var regex in new[] { PythonFramePattern, PytestFramePattern, DotnetFramePattern })
        {
            foreach (Match match in regex.Matches(output))
            {
                var file = match.Groups["file"].Value;
                var root = repoRoot.TrimEnd('/') + "/";
                file = file.StartsWith(root, StringComparison.Ordinal) ? file[root.Length..] : file.StartsWith("./", StringComparison.Ordinal) ? file[2..] : file;
                if (int.TryParse(match.Groups["line"].Value, out var line) && found.Add((file, line - 1)))
                {
                    yield return (file, line - 1);
                }
            }
        }
    }

    /// <summary>"file:line" (1-based, as the tracer writes it) as a 0-based key.</summary>
    private static (string, int)? Split(string entry)
    {
        var colon = entry.LastIndexOf(':');
        return colon > 0 && int.TryParse(entry[(colon + 1)..], out var line) ? (entry[..colon], line - 1) : null;
    }
}
