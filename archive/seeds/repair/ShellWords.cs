using System.Text;

/// <summary>Splits a simple shell command line into words (quotes and backslashes as sh reads them; no expansions).</summary>
internal static class ShellWords
{
    /// <summary>The words of <paramref name="command"/>, or null when it uses anything beyond plain words and quotes.</summary>
    public static List<string>? Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c is ' ' or '\t')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else if (c == '\'')
            {
                var end = command.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    return null;
                }

                word.Append(command, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '"' || c == '\\' && i + 1 < command.Length)
            {
                if (c == '\\')
                {
                    word.Append(command[++i]);
                }
                else
                {
                    var end = command.IndexOf('"', i + 1);
                    if (end < 0 || command.AsSpan(i + 1, end - i - 1).IndexOfAny("$`\\") >= 0)
                    {
                        return null;
                    }

                    word.Append(command, i + 1, end - i - 1);
                    i = end;
                }

                inWord = true;
            }
            else if ("|&;<>()$`*?[]{}~#\n".Contains(c))
            {
                return null;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
