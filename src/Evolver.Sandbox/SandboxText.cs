namespace Evolver.Sandbox;

/// <summary>Small text helpers for the reasons the sandbox records.</summary>
internal static class SandboxText
{
    /// <summary>The first non-empty line, cut to 300 characters.</summary>
    public static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    /// <summary>Joins two reasons with "; ", skipping an empty one.</summary>
    public static string Join(string a, string b) => string.IsNullOrEmpty(a) ? b : a + "; " + b;
}
