using System.CommandLine;

namespace Evolver.Cli;

/// <summary>The options of <c>evolver eval</c> that run the agent through the LLM gateway and record the evaluation.</summary>
internal sealed class EvalLlmOptions
{
    private readonly Option<string?> config = new("--llm-config")
    {
        Description = "Run the agent through the LLM gateway to this provider (an LLM config JSON file; see src/Evolver.Llm/README.md). The key stays in this process.",
        HelpName = "FILE",
    };

    private readonly Option<long?> taskTokens = new("--task-llm-tokens") { Description = "LLM tokens each task run may use; more calls get HTTP 429.", HelpName = "N" };

    private readonly Option<double?> taskDollars = new("--task-dollars") { Description = "Dollars each task run may spend (price table of the LLM config); more calls get HTTP 429.", HelpName = "X" };

    private readonly Option<string?> archive = new("--archive")
    {
        Description = "Record the agent, its evaluation and its LLM exchanges as a variant of this archive (created if missing), for evolver replay.",
        HelpName = "DIR",
    };

    public EvalLlmOptions()
    {
        taskTokens.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is < 1)
            {
                r.AddError("--task-llm-tokens must be at least 1");
            }
        });
        taskDollars.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } d && !(d > 0 && double.IsFinite(d)))
            {
                r.AddError("--task-dollars must be a positive amount");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(config);
        command.Options.Add(taskTokens);
        command.Options.Add(taskDollars);
        command.Options.Add(archive);
    }

    public EvalLlmArgs Read(ParseResult result) =>
        new(result.GetValue(config), result.GetValue(taskTokens), result.GetValue(taskDollars), result.GetValue(archive));
}
