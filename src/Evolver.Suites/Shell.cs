namespace Evolver.Suites;

/// <summary>Quoting for the sh command lines of task.json.</summary>
internal static class Shell
{
    /// <summary>The word as is when it is plainly safe, else in single quotes.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '=' or ':')
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";
}
