namespace Evolver.Core.Tests.Selection;

/// <summary>Builds small candidate pools over one shared task list.</summary>
internal static class Candidates
{
    public static readonly IReadOnlyList<string> Tasks = ["t1", "t2", "t3", "t4"];

    public static SelectionCandidate Make(string id, double score, int children = 0, string outcomes = "", int generation = 1) =>
        new(new ParentCandidate(id, score, children, generation, new OutcomeVector(Tasks, outcomes)));

    public static IReadOnlyList<SelectionCandidate> Pool(params (string Id, double Score, int Children)[] entries) =>
        [.. entries.Select(e => Make(e.Id, e.Score, e.Children))];

    /// <summary>How often each id was picked, as shares of all picks.</summary>
    public static Dictionary<string, double> Frequencies(IEnumerable<SelectionCandidate> picks)
    {
        var list = picks.ToList();
        return list.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => (double)g.Count() / list.Count);
    }
}
