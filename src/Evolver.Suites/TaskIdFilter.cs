using System.Text.RegularExpressions;

namespace Evolver.Suites;

/// <summary>Matches instance ids against comma-separated ids or <c>*</c>/<c>?</c> patterns.</summary>
internal sealed class TaskIdFilter
{
    private readonly Regex[] patterns;

    private TaskIdFilter(Regex[] patterns) => this.patterns = patterns;

    /// <summary>A filter that lets every id through.</summary>
    public static TaskIdFilter All { get; } = new([]);

    public static bool TryParse(string text, out TaskIdFilter filter, out string problem)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        filter = All;
        problem = "";
        if (parts.Any(p => p.Length == 0))
        {
            problem = $"'{text}' has an empty entry; write ids or patterns separated by commas";
            return false;
        }

        if (parts.FirstOrDefault(p => p.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '*' or '?'))) is { } bad)
        {
            problem = $"'{bad}' may hold only ASCII letters, digits, '-', '_', '.', '*' and '?'";
            return false;
        }

        filter = new TaskIdFilter(parts
            .Select(p => new Regex("^" + Regex.Escape(p).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.CultureInvariant))
            .ToArray());
        return true;
    }

    public bool Matches(string id) => patterns.Length == 0 || patterns.Any(p => p.IsMatch(id));
}
