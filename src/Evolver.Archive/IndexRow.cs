using Evolver.Core;

namespace Evolver.Archive;

/// <summary>
/// One variant as the SQLite index holds it, derived from its ref, commit and note alone. The children count in
/// <see cref="Summary"/> is not part of it: the index derives that from the other rows.
/// </summary>
/// <param name="Summary">The listed fields.</param>
/// <param name="Outcomes">Outcome letter (see <see cref="OutcomeVector"/>) per task id.</param>
/// <param name="Logs">The logs commit the note points to; fsck checks it, the SQLite index does not store it.</param>
internal sealed record IndexRow(VariantSummary Summary, IReadOnlyDictionary<string, char> Outcomes, string? Logs = null)
{
    public string Id => Summary.Id;

    public IReadOnlyList<string> Parents => Summary.Parents;

    public static IndexRow From(string id, string commit, IReadOnlyList<string> parents, NoteDocument note)
    {
        var evaluation = note.Evaluation;
        var outcomes = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var task in evaluation.Tasks)
        {
            outcomes[task.InstanceId] = OutcomeVector.Encode(task.Outcome);
        }

        return new IndexRow(
            new VariantSummary
            {
                Id = id,
                Commit = commit,
                Parents = parents,
                Generation = note.Generation,
                Score = evaluation.Score,
                Admitted = evaluation.Admitted,
                Status = evaluation.Status,
                Children = 0,
                Mutator = evaluation.Mutator,
                Summary = FirstLine(evaluation.MutationDescription),
                CostUsd = evaluation.CostUsd,
                Tokens = evaluation.InputTokens + evaluation.OutputTokens,
                CreatedAt = note.CreatedAt,
            },
            outcomes,
            note.Logs);
    }

    /// <summary>A row for a variant whose note cannot be read: listed, never selected as a parent.</summary>
    public static IndexRow Broken(string id, string commit, IReadOnlyList<string> parents, DateTimeOffset committed, string issue) => new(
        new VariantSummary
        {
            Id = id,
            Commit = commit,
            Parents = parents,
            Generation = 0,
            Score = 0,
            Admitted = false,
            Status = VariantStatus.Pending,
            Children = 0,
            Mutator = "",
            Summary = "",
            CostUsd = 0,
            Tokens = 0,
            CreatedAt = committed,
            Issue = issue,
        },
        new Dictionary<string, char>());

    /// <summary>Everything the row says, in one comparable string: fsck compares the index against git with it.</summary>
    public string Fingerprint()
    {
        var s = Summary;
        return string.Join(
            '|',
            s.Id,
            s.Commit,
            string.Join(' ', s.Parents),
            s.Generation,
            s.Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            s.Admitted,
            s.Status,
            s.Mutator,
            s.Summary,
            s.CostUsd.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            s.Tokens,
            s.CreatedAt.ToUnixTimeMilliseconds(),
            string.Join(',', Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + "=" + o.Value)),
            s.Issue);
    }

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().Trim();
        var end = line.IndexOfAny('\r', '\n');
        return (end < 0 ? line : line[..end]).ToString();
    }
}
