using System.Text.Json;
using Evolver.Core;
using Evolver.Llm;
using Evolver.Mutation;

namespace Evolver.Cli;

/// <summary>Makes the mutators a run config names, sharing one builder, validator and (for <c>llm</c>) one client.</summary>
internal sealed class RunMutators : IDisposable
{
    private readonly List<IDisposable> owned = [];
    private LlmClient? shared;

    /// <summary>
    /// The mutators of <paramref name="settings"/>, in config order. Throws <see cref="RunConfigException"/> naming the
    /// key when one cannot be made.
    /// </summary>
    public IReadOnlyList<MutatorChoice> Create(RunSettings settings, ISandbox sandbox, AgentBuilder builder, TimeProvider time)
    {
        var validator = new AgentValidator(new ValidationOptions(), new AgentBuilderOptions(), time);
        LlmClient? client = null;
        return [.. settings.Mutators.Select((spec, i) =>
        {
            IMutator mutator = spec.Name switch
            {
                "gp" => new GpMutator(new GpMutatorOptions(), validator, new AgentBuilderOptions()),
                "self" => new SelfMutator(new SelfMutatorOptions(), sandbox, builder, validator),
                _ => new LlmMutator(new LlmMutatorOptions(), client ??= Client(settings, time), builder, validator),
            };
            return new MutatorChoice(mutator, spec.Weight, spec.Parents, spec.Name == "gp" ? WithTimeLimit(spec.Options, settings.AgentTimeoutSeconds) : spec.Options);
        })];
    }

    /// <summary>
    /// gp's options with the run's agent time limit added (unless the config gives one), so its <c>constant</c>
    /// operator can tell a parent that lost tasks to time.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WithTimeLimit(IReadOnlyDictionary<string, string> options, int? agentSeconds) =>
        agentSeconds is not { } seconds || options.ContainsKey(GpMutator.TimeLimitOption)
            ? options
            : new Dictionary<string, string>(options, StringComparer.Ordinal) { [GpMutator.TimeLimitOption] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public void Dispose()
    {
        foreach (var d in owned)
        {
            d.Dispose();
        }
    }

    /// <summary>The run's one LLM client (the config's <c>llm</c>), shared by the <c>llm</c> mutator and the gateway.</summary>
    public LlmClient Client(RunSettings settings, TimeProvider time)
    {
        if (shared is not null)
        {
            return shared;
        }

        LlmOptions? options;
        try
        {
            options = settings.Llm!.Deserialize<LlmOptions>(LlmOptions.JsonOptions);
        }
        catch (JsonException e)
        {
            throw RunConfigException.At("llm", e.Message);
        }

        if (options is null)
        {
            throw RunConfigException.At("llm", "must be an object");
        }

        if (options.Validate() is { Count: > 0 } problems)
        {
            throw RunConfigException.At("llm", string.Join("; ", problems));
        }

        LlmClient client;
        try
        {
            client = LlmClient.Create(options, time);
        }
        catch (ArgumentException e)
        {
            throw RunConfigException.At("llm", e.Message);
        }

        owned.Add(client);
        shared = client;
        return client;
    }
}
