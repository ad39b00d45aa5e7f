using System.Text.Json.Nodes;
using Evolver.Agents.Sdk;

/// <summary>
/// A coding agent in the style of the Darwin Gödel Machine's initial agent: it shows the model the issue, then runs a
/// loop in which the model calls tools (bash, and an editor that can view, create and str_replace files) until it
/// answers without a tool call, or the budget (deadline, steps, tokens) is spent.
/// </summary>
internal sealed class CoderAgent : IAgent
{
    /// <summary>Most model calls per task.</summary>
    private const int MaxSteps = 60;

    /// <summary>Tokens to spend when the harness states no token budget.</summary>
    private const long DefaultTokenBudget = 500_000;

    public async Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        if (context.Gateway is null)
        {
            return new AgentReport("gave_up", "no LLM gateway was offered, and this agent needs one");
        }

        using var chat = new GatewayChat(context.Gateway);
        var tools = new ToolBox(context.RepoPath);
        var messages = new JsonArray
        {
            Message("system", Prompts.System(context)),
            Message("user", Prompts.Task(context)),
        };
        var tokenBudget = context.Budget.LlmTokens ?? DefaultTokenBudget;
        long tokensUsed = 0;

        for (var step = 1; step <= MaxSteps; step++)
        {
            if (tokensUsed >= tokenBudget)
            {
                return new AgentReport("gave_up", $"token budget spent ({tokensUsed} of {tokenBudget}) after {step - 1} steps", step - 1);
            }

            var reply = await chat.CompleteAsync(messages, tools.Definitions, cancellationToken);
            if (reply.Error is not null)
            {
                return new AgentReport("gave_up", $"the gateway failed at step {step}: {reply.Error}", step);
            }

            tokensUsed += reply.TotalTokens;
            messages.Add(reply.Message!.DeepClone());
            if (reply.ToolCalls.Count == 0)
            {
                return new AgentReport("completed", Summarize(reply.Content), step);
            }

            foreach (var call in reply.ToolCalls)
            {
                var output = await tools.RunAsync(call, cancellationToken);
                messages.Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = call.Id, ["content"] = output });
            }
        }

        return new AgentReport("gave_up", $"stopped after {MaxSteps} steps without a final answer", MaxSteps);
    }

    private static JsonObject Message(string role, string content) => new() { ["role"] = role, ["content"] = content };

    private static string Summarize(string? content)
    {
        var text = string.IsNullOrWhiteSpace(content) ? "finished without a summary" : content.Trim();
        return text.Length <= 2000 ? text : text[..2000] + "…";
    }
}
