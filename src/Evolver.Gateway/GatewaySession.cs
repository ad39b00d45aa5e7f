using System.Text.Json.Nodes;
using Evolver.Core;

namespace Evolver.Gateway;

/// <summary>One task run's grant: its token, scope and expiry, what it used, and its exchanges in order.</summary>
internal sealed class GatewaySession(string token, GatewayScope scope, DateTimeOffset expires)
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<int, string> exchanges = [];
    private readonly List<string> capsHit = [];
    private readonly List<string> problems = [];
    private int nextIndex;
    private int calls;
    private long inputTokens;
    private long outputTokens;
    private double costUsd;

    public string Token { get; } = token;

    public GatewayScope Scope { get; } = scope;

    public DateTimeOffset Expires { get; } = expires;

    /// <summary>Tokens used so far, input and output.</summary>
    public long Tokens
    {
        get
        {
            lock (gate)
            {
                return inputTokens + outputTokens;
            }
        }
    }

    public double Dollars
    {
        get
        {
            lock (gate)
            {
                return costUsd;
            }
        }
    }

    /// <summary>The index of a request that just arrived: exchanges are numbered in arrival order, from 0.</summary>
    public int Arrived()
    {
        lock (gate)
        {
            calls++;
            return nextIndex++;
        }
    }

    /// <summary>Records exchange <paramref name="index"/> and what it used.</summary>
    public void Record(int index, JsonObject exchange, long input, long output, double cost)
    {
        lock (gate)
        {
            inputTokens += input;
            outputTokens += output;
            costUsd += cost;
            exchanges[index] = exchange.ToJsonString();
        }
    }

    public void CapHit(string budget)
    {
        lock (gate)
        {
            capsHit.Add(budget);
        }
    }

    public void Problem(string problem)
    {
        lock (gate)
        {
            problems.Add(problem);
        }
    }

    public GatewayUsage Usage()
    {
        lock (gate)
        {
            return new GatewayUsage
            {
                Calls = calls,
                InputTokens = inputTokens,
                OutputTokens = outputTokens,
                CostUsd = costUsd,
                CapsHit = [.. capsHit],
                Problems = [.. problems],
                Exchanges = [.. exchanges.Values],
            };
        }
    }
}
