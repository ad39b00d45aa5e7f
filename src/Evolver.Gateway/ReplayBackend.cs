using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evolver.Gateway;

/// <summary>
/// Serves recorded exchanges instead of a provider: the n-th request of a task run must equal (as JSON) the n-th request
/// recorded for that task, and gets the recorded answer, streamed as recorded when it was streamed. A request that was
/// never recorded gets a 400 naming the first difference, and the difference is reported as the task run's problem.
/// </summary>
internal sealed class ReplayBackend(IReadOnlyDictionary<string, IReadOnlyList<string>> recordings, string model) : IChatBackend
{
    public string Model => model;

    public double Cost(long inputTokens, long outputTokens) => 0;

    public async Task<BackendReply> AnswerAsync(
        GatewaySession session, int index, JsonObject request, Func<JsonObject, Task> chunk, CancellationToken cancellationToken)
    {
        var task = session.Scope.TaskId;
        var recorded = recordings.GetValueOrDefault(task) ?? [];
        if (index >= recorded.Count)
        {
            return Mismatch(task, index, $"it was never recorded (the recording of this task holds {recorded.Count} exchange{(recorded.Count == 1 ? "" : "s")})");
        }

        JsonObject exchange;
        try
        {
            exchange = JsonNode.Parse(recorded[index])!.AsObject();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
        {
            return Mismatch(task, index, $"the recorded exchange is not a JSON object: {e.Message}");
        }

        if (CanonicalJson.FirstDifference(exchange["request"], request) is { } difference)
        {
            return Mismatch(task, index, "the request differs from the recorded one at " + difference);
        }

        var usage = exchange["usage"];
        var input = usage?["input_tokens"]?.GetValue<long>() ?? 0;
        var output = usage?["output_tokens"]?.GetValue<long>() ?? 0;
        if (exchange["chunks"] is JsonArray chunks)
        {
            var sent = new List<JsonObject>();
            foreach (var item in chunks.OfType<JsonObject>())
            {
                var copy = item.DeepClone().AsObject();
                sent.Add(copy);
                await chunk(copy).ConfigureAwait(false);
            }

            return new BackendReply(200, null) { Chunks = sent, InputTokens = input, OutputTokens = output };
        }

        var status = exchange["status"]?.GetValue<int>() ?? 200;
        return new BackendReply(status, exchange["response"]?.DeepClone() as JsonObject)
        {
            InputTokens = input, OutputTokens = output, Error = exchange["error"]?.GetValue<string>(),
        };
    }

    private static BackendReply Mismatch(string task, int index, string why)
    {
        var problem = $"replay: task {task}, exchange {index}: {why}";
        return BackendReply.Failure(400, problem, "replay_mismatch", problem);
    }
}
