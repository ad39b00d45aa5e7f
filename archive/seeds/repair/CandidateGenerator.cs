/// <summary>
/// Turns the ranked lines into candidate patches, a tier at a time: lines of equal suspiciousness form a tier, and
/// within a tier every template runs over every line before the next template, so cheap likely fixes on all the top
/// lines come before wide searches on any of them. Duplicate candidates are dropped.
/// </summary>
internal sealed class CandidateGenerator(IReadOnlyDictionary<string, SourceFile> sources, IReadOnlyList<string> attributes)
{
    private readonly HashSet<(string, int, string)> seen = [];

    /// <summary>The tiers of <paramref name="ranked"/>, most suspicious first, with at most <paramref name="maxLines"/> lines in all.</summary>
    public static IEnumerable<IReadOnlyList<SuspiciousLine>> Tiers(IReadOnlyList<SuspiciousLine> ranked, int maxLines) =>
        ranked.Take(maxLines).GroupBy(l => Math.Round(l.Score, 3)).Select(g => (IReadOnlyList<SuspiciousLine>)g.ToList());

    /// <summary>The candidates for one tier, in the order they should be tried.</summary>
    public IEnumerable<Candidate> Generate(IReadOnlyList<SuspiciousLine> tier)
    {
        var contexts = tier.Select(l => new LineContext(sources[l.File], l.Line, attributes)).ToList();
        foreach (var (name, apply) in RepairTemplates.All)
        {
            foreach (var line in contexts)
            {
                foreach (var text in apply(line))
                {
                    if (text != line.Text && seen.Add((line.Source.Path, line.Index, text)))
                    {
                        yield return new Candidate(line.Source.Path, line.Index, text, name);
                    }
                }
            }
        }
    }
}
