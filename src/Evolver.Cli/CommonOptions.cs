using System.CommandLine;

namespace Evolver.Cli;

/// <summary>Options several verbs share.</summary>
internal static class CommonOptions
{
    /// <summary>Most tasks run at once; more than this only thrashes a machine.</summary>
    public const int MaxParallel = 64;

    /// <summary><c>--parallel N</c>: how many tasks run at once, 1 to <see cref="MaxParallel"/>; default 2.</summary>
    public static Option<int> Parallel()
    {
        var option = new Option<int>("--parallel")
        {
            Description = $"How many tasks run at once (1-{MaxParallel}); each task uses up to 1 CPU and 2 GiB.",
            DefaultValueFactory = _ => 2,
            HelpName = "N",
        };
        AddRange(option, 1, MaxParallel);
        return option;
    }

    /// <summary>Rejects values of <paramref name="option"/> outside [<paramref name="min"/>, <paramref name="max"/>], naming the option.</summary>
    public static void AddRange(Option option, int min, int max) => option.Validators.Add(r =>
    {
        // Only the given token is checked: a token that is no number already fails conversion with its own message.
        if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, out var value) && (value < min || value > max))
        {
            r.AddError($"{option.Name} must be a whole number from {min} to {max}, got {value}");
        }
    });

    /// <summary><c>--json FILE</c>: where to write the machine-readable result.</summary>
    public static Option<string?> Json(string what) => new("--json")
    {
        Description = $"Also write {what} as JSON to FILE.",
        HelpName = "FILE",
    };
}
