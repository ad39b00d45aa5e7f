using System.Text.Json;
using System.Text.Json.Nodes;
using Evolver.Core;
using Evolver.Llm;
using Evolver.Mutation;
using Evolver.Sandbox;
using Serilog;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>
/// The mutator <c>evolver mutate</c> runs, with what it needs: <c>gp</c> nothing more, <c>llm</c> a client made from
/// the config file's <c>llm</c> section, <c>self</c> the Docker sandbox. Owns the client and the sandbox.
/// </summary>
internal sealed class MutateMutators : IAsyncDisposable
{
    /// <summary>The mutator names <c>--mutator</c> accepts.</summary>
    public static readonly string[] Names = ["gp", "llm", "self"];

    private LlmClient? client;
    private DockerSandbox? sandbox;

    private MutateMutators()
    {
    }

    /// <summary>The mutator; null when it could not be made.</summary>
    public IMutator? Mutator { get; private set; }

    /// <summary>
    /// Makes mutator <paramref name="name"/>. When it cannot be made, <see cref="Mutator"/> is null, the reason is on
    /// standard error, and the second value is the exit code: 2 for a bad config, 3 when the sandbox cannot be opened.
    /// </summary>
    public static async Task<(MutateMutators Mutators, int ExitCode)> CreateAsync(
        CliEnvironment env, ILogger log, string name, string? configPath, AgentValidator validator, CancellationToken ct)
    {
        var made = new MutateMutators();
        var builder = new AgentBuilder(new AgentBuilderOptions(), env.Time);
        switch (name)
        {
            case "llm":
                if (LlmOptionsFrom(env, configPath) is not { } options)
                {
                    return (made, ExitCodes.Usage);
                }

                try
                {
                    made.client = LlmClient.Create(options, env.Time);
                }
                catch (ArgumentException e)
                {
                    env.Error.WriteLine($"error: --config: the llm section cannot be used: {e.Message}");
                    return (made, ExitCodes.Usage);
                }

                made.Mutator = new LlmMutator(new LlmMutatorOptions(), made.client, builder, validator);
                return (made, ExitCodes.Success);
            case "self":
                var selfOptions = new SelfMutatorOptions();
                made.sandbox = await SandboxHost.OpenAsync(StatusOnError(env), log, new SandboxOptions(), [selfOptions.Image], ct).ConfigureAwait(false);
                if (made.sandbox is null)
                {
                    return (made, ExitCodes.HarnessError);
                }

                made.Mutator = new SelfMutator(selfOptions, made.sandbox, builder, validator);
                return (made, ExitCodes.Success);
            default:
                made.Mutator = new GpMutator(new GpMutatorOptions(), validator, new AgentBuilderOptions());
                return (made, ExitCodes.Success);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        client?.Dispose();
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The environment with its console on standard error, so image-build lines never mix with the result (or its JSON) on standard output.</summary>
    private static CliEnvironment StatusOnError(CliEnvironment env)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = env.Console.Profile.Capabilities.Ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = env.Console.Profile.Capabilities.Ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(env.Error),
        });
        console.Profile.Width = env.Console.Profile.Width;
        return new CliEnvironment
        {
            Console = console, Out = env.Out, Error = env.Error, WorkingDirectory = env.WorkingDirectory, Time = env.Time, RepoRoot = env.Repo?.Root,
        };
    }

    /// <summary>The <c>llm</c> section of the config file, or null after saying on standard error what is wrong.</summary>
    private static LlmOptions? LlmOptionsFrom(CliEnvironment env, string? configPath)
    {
        if (configPath is null)
        {
            env.Error.WriteLine("error: --mutator llm needs --config FILE with an \"llm\" section (provider, base_url, model, api_key_variable; see src/Evolver.Llm/README.md).");
            return null;
        }

        JsonNode? section;
        try
        {
            section = RunConfig.Load(configPath, env.WorkingDirectory)["llm"];
        }
        catch (RunConfigException e)
        {
            env.Error.WriteLine("error: --config: " + e.Message);
            return null;
        }

        var file = env.Resolve(configPath);
        if (section is not JsonObject)
        {
            env.Error.WriteLine($"error: --config: {file} has no \"llm\" object (provider, base_url, model, api_key_variable; see src/Evolver.Llm/README.md).");
            return null;
        }

        LlmOptions? options;
        try
        {
            options = section.Deserialize<LlmOptions>(LlmOptions.JsonOptions);
        }
        catch (JsonException e)
        {
            env.Error.WriteLine($"error: --config: the \"llm\" section of {file} is invalid: {e.Message}");
            return null;
        }

        if (options?.Validate() is { Count: > 0 } problems)
        {
            env.Error.WriteLine($"error: --config: the \"llm\" section of {file} is invalid: {string.Join("; ", problems)}");
            return null;
        }

        return options;
    }
}
