using System.Text.RegularExpressions;

namespace Evolver.Mutation;

/// <summary>The llm and self mutators' prompts: Markdown files under <c>Prompts/</c>, embedded in the assembly, with <c>{{name}}</c> placeholders.</summary>
internal static partial class LlmPrompts
{
    /// <summary>The prompt <paramref name="name"/> (<c>diagnose</c>, <c>implement</c>, ...) with its placeholders filled.</summary>
    /// <exception cref="InvalidOperationException">The prompt is not embedded, or a placeholder has no value (both bugs).</exception>
    public static string Render(string name, IReadOnlyDictionary<string, string>? values = null)
    {
        var template = Load(name);
        values ??= new Dictionary<string, string>();

        // One pass, so a value that happens to hold "{{x}}" (agent source, logs) is never expanded itself.
        return Placeholder().Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"prompt '{name}' has the placeholder {match.Value}, but no value was given for it"));
    }

    private static string Load(string name)
    {
        var resource = $"Evolver.Mutation.Prompts.{name}.md";
        using var stream = typeof(LlmPrompts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"prompt resource {resource} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().TrimEnd() + "\n";
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
