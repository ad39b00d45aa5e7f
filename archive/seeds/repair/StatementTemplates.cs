/// <summary>Repair templates that delete a statement or add a missing assignment.</summary>
internal static class StatementTemplates
{
    private const int MaxPairs = 12;

    /// <summary>The line's statement removed (a block left empty gets <c>pass</c> in Python).</summary>
    public static IEnumerable<string> DeleteStatement(LineContext line)
    {
        var first = line.Tokens.FirstOrDefault()?.Text;
        if (first is null or "def" or "class" or "else" or "elif" or "except" or "finally" or "try" or "{" or "}" || line.Text.TrimEnd().EndsWith(':') || line.Text.TrimEnd().EndsWith('{'))
        {
            yield break;
        }

        yield return line.Language == Language.Python ? line.Indent + "pass" : "";
    }

    /// <summary>A missing <c>a = b</c> between two variables of the function, inserted before or after the line.</summary>
    public static IEnumerable<string> InsertAssignment(LineContext line)
    {
        var first = line.Tokens.FirstOrDefault()?.Text;
        if (first is null or "def" or "class" or "else" or "elif" or "return" || line.Text.TrimEnd().EndsWith(':'))
        {
            yield break;
        }

        var end = line.Language == Language.Python ? "" : ";";
        var pairs = line.Variables.SelectMany(a => line.Variables.Where(b => b != a).Select(b => $"{line.Indent}{a} = {b}{end}")).Take(MaxPairs).ToList();
        var newline = line.Text.EndsWith('\r') ? "\r\n" : "\n";
        var text = line.Text.TrimEnd('\r');
        foreach (var assignment in pairs)
        {
            yield return assignment + newline + line.Text;
            yield return text + newline + assignment + (line.Text.EndsWith('\r') ? "\r" : "");
        }
    }
}
