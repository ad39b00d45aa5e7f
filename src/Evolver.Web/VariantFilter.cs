using System.Globalization;
using Evolver.Core;

namespace Evolver.Web;

/// <summary>
/// The filters of <c>/api/variants</c> (the page applies the same ones itself, so the static report filters too):
/// <c>q</c> (text in the id, mutator or summary), <c>min_score</c>, <c>max_score</c>, <c>generation</c>, <c>status</c>, <c>mutator</c>.
/// </summary>
internal sealed record VariantFilter
{
    public string? Text { get; init; }

    public double? MinScore { get; init; }

    public double? MaxScore { get; init; }

    public int? Generation { get; init; }

    public VariantStatus? Status { get; init; }

    public string? Mutator { get; init; }

    /// <summary>Reads the filter from query parameters; on a bad value, null and the problem naming the parameter and what it takes.</summary>
    public static (VariantFilter? Filter, string? Problem) Parse(Func<string, string?> query)
    {
        var problems = new List<string>();
        var filter = new VariantFilter
        {
            Text = Blank(query("q")),
            MinScore = Number(query, "min_score", problems),
            MaxScore = Number(query, "max_score", problems),
            Generation = ParseGeneration(query, problems),
            Status = ParseStatus(query, problems),
            Mutator = Blank(query("mutator")),
        };
        return problems.Count == 0 ? (filter, null) : (null, string.Join("; ", problems));
    }

    public bool Matches(VariantNode node) =>
        (Text is null || node.Id.Contains(Text, StringComparison.OrdinalIgnoreCase) || node.Summary.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || node.Mutator.Contains(Text, StringComparison.OrdinalIgnoreCase))
        && (MinScore is null || node.Score >= MinScore)
        && (MaxScore is null || node.Score <= MaxScore)
        && (Generation is null || node.Generation == Generation)
        && (Status is null || node.Status == Status)
        && (Mutator is null || string.Equals(node.Mutator, Mutator, StringComparison.Ordinal));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static double? Number(Func<string, string?> query, string name, List<string> problems)
    {
        if (Blank(query(name)) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1)
        {
            return value;
        }

        problems.Add($"{name} '{text}' is not a score: pass a number from 0 to 1");
        return null;
    }

    private static int? ParseGeneration(Func<string, string?> query, List<string> problems)
    {
        if (Blank(query("generation")) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"generation '{text}' is not a generation: pass a whole number, 0 for seeds");
        return null;
    }

    private static VariantStatus? ParseStatus(Func<string, string?> query, List<string> problems)
    {
        if (Blank(query("status")) is not { } text)
        {
            return null;
        }

        if (WebJson.ParseStatus(text) is { } status)
        {
            return status;
        }

        problems.Add($"status '{text}' is not a status: pass one of {string.Join(", ", Enum.GetValues<VariantStatus>().Select(WebJson.Name))}");
        return null;
    }
}
