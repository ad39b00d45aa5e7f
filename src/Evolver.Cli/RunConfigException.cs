namespace Evolver.Cli;

/// <summary>A run config that cannot be used; the message names the key and what is wrong with it.</summary>
internal sealed class RunConfigException(string message) : Exception(message)
{
    /// <summary>A problem with the value of <paramref name="key"/>, e.g. <c>budgets.run.iterations</c>.</summary>
    public static RunConfigException At(string key, string problem) => new($"config key '{key}': {problem}");
}
