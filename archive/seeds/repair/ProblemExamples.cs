/// <summary>
/// The doctest-style examples of a problem statement (<c>&gt;&gt;&gt; call</c> then the expected output). They are
/// extra evidence beyond the visible tests: a candidate that passes the tests but contradicts an example is kept only
/// if nothing better turns up.
/// </summary>
internal static class ProblemExamples
{
    /// <summary>The examples, each as (source, expected output ending in a newline), in order.</summary>
    public static List<(string Source, string Want)> Extract(string statement)
    {
        var examples = new List<(string, string)>();
        var lines = statement.Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith(">>> ", StringComparison.Ordinal))
            {
                continue;
            }

            var source = line[4..];
            var want = new List<string>();
            while (i + 1 < lines.Length && lines[i + 1].Trim().Length > 0 && !lines[i + 1].Trim().StartsWith(">>>", StringComparison.Ordinal))
            {
                want.Add(lines[++i].Trim());
            }

            if (want.Count > 0)
            {
                examples.Add((source, string.Join('\n', want) + "\n"));
            }
        }

        return examples;
    }
}
