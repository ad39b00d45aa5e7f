using System.Text.Json;
using Evolver.Core;
using Evolver.Llm;
using Evolver.Mutation;

namespace Evolver.Cli;

/// <summary>Makes the mutators a run config names, sharing one builder, validator and (for <c>llm</c>) one client.</summary>
internal sealed class RunMutators : IDisposable
{
    private readonly List<IDisposable> owned = [];

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
            return new MutatorChoice(mutator, spec.Weight, spec.Parents, spec.Options);
        })];
    }

    public void Dispose()
    {
        foreach (var d in owned)
        {
            d.Dispose();
        }
    }

    private LlmClient Client(RunSettings settings, TimeProvider time)
    {
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

        var client = LlmClient.Create(options, time);
        owned.Add(client);
        return client;
    }
}
