namespace Evolver.Suites;

/// <summary>The result of converting one exercise: the task, or why it cannot become one.</summary>
internal sealed record Conversion(ConvertedTask? Task, string? SkipReason)
{
    public static Conversion Of(ConvertedTask task) => new(task, null);

    public static Conversion Skip(string reason) => new(null, reason);
}
