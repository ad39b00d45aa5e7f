using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Evolver.Gateway;

/// <summary>
/// The HTTP side of the gateway: checks the bearer token, the budgets and the body, hands the request to the backend,
/// writes the answer (JSON, or server-sent events ending in <c>[DONE]</c>), and records the exchange with its usage.
/// </summary>
internal sealed class ChatEndpoint(SessionTable sessions, GatewayMeter meter, IChatBackend backend, string runId, TimeProvider time)
{
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    public async Task ModelsAsync(HttpContext context)
    {
        if (Authenticate(context, out _) is { } refusal)
        {
            await WriteJsonAsync(context, 401, refusal).ConfigureAwait(false);
            return;
        }

        var models = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject { ["id"] = backend.Model, ["object"] = "model", ["created"] = 0, ["owned_by"] = "evolver-gateway" }),
        };
        await WriteJsonAsync(context, 200, models).ConfigureAwait(false);
    }

    public async Task ChatAsync(HttpContext context)
    {
        if (Authenticate(context, out var session) is { } refusal)
        {
            await WriteJsonAsync(context, 401, refusal).ConfigureAwait(false);
            return;
        }

        var start = time.GetTimestamp();
        var (request, bodyError) = await ReadBodyAsync(context).ConfigureAwait(false);
        var index = session!.Arrived();
        BackendReply reply;
        var streamStarted = false;
        if (bodyError is not null)
        {
            reply = BackendReply.Failure(bodyError.Value.Status, bodyError.Value.Message, "invalid_request_error");
        }
        else if (meter.Check(session) is { } budget)
        {
            session.CapHit(budget);
            reply = BackendReply.Failure(429, $"the {budget} budget of this task run is used up; no more LLM calls are allowed", "insufficient_quota") with { Error = "cap " + budget };
        }
        else
        {
            try
            {
                reply = await backend.AnswerAsync(session, index, (JsonObject)request!, async chunk =>
                {
                    if (!streamStarted)
                    {
                        streamStarted = true;
                        context.Response.StatusCode = 200;
                        context.Response.ContentType = "text/event-stream";
                        context.Response.Headers.CacheControl = "no-cache";
                    }

                    await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("data: " + chunk.ToJsonString() + "\n\n"), context.RequestAborted).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                }, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
            {
                Record(session, index, request, BackendReply.Failure(499, "the agent closed the connection before the answer was complete", "client_closed"), start);
                return;
            }
        }

        if (reply.Problem is { } problem)
        {
            session.Problem(problem);
        }

        Record(session, index, request, reply, start);
        try
        {
            if (streamStarted)
            {
                if (reply.Status != 200 && reply.Body is not null)
                {
                    // Headers are gone: the failure travels as one more event, as OpenAI sends mid-stream errors.
                    await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("data: " + reply.Body.ToJsonString() + "\n\n"), context.RequestAborted).ConfigureAwait(false);
                }

                await context.Response.Body.WriteAsync(Done, context.RequestAborted).ConfigureAwait(false);
            }
            else if (reply.Chunks is not null)
            {
                // A stream with no chunk at all still ends properly.
                context.Response.ContentType = "text/event-stream";
                await context.Response.Body.WriteAsync(Done, context.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                await WriteJsonAsync(context, reply.Status, reply.Body ?? []).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The agent went away; the exchange is recorded already.
        }
    }

    private JsonObject? Authenticate(HttpContext context, out GatewaySession? session)
    {
        session = null;
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Error("a bearer token is required (Authorization: Bearer <AgentContext.Gateway.Token>)", "invalid_api_key");
        }

        var (found, why) = sessions.Find(header["Bearer ".Length..].Trim());
        session = found;
        return found is null ? Error(why, "invalid_api_key") : null;
    }

    private static async Task<(JsonNode? Request, (int Status, string Message)? Error)> ReadBodyAsync(HttpContext context)
    {
        string text;
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            return (null, (e.StatusCode, "the request body cannot be read: " + e.Message));
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject json
                ? (json, null)
                : (JsonValue.Create(text), (400, "the request body must be a JSON object"));
        }
        catch (JsonException e)
        {
            return (JsonValue.Create(text), (400, "the request body is not JSON: " + e.Message));
        }
    }

    private void Record(GatewaySession session, int index, JsonNode? request, BackendReply reply, long start)
    {
        var cost = backend.Cost(reply.InputTokens, reply.OutputTokens);
        var exchange = new JsonObject
        {
            ["index"] = index,
            ["run"] = runId,
            ["child"] = session.Scope.ChildId,
            ["task"] = session.Scope.TaskId,
            ["request"] = request?.DeepClone(),
            ["status"] = reply.Status,
        };
        if (reply.Chunks is { } chunks)
        {
            exchange["chunks"] = new JsonArray([.. chunks.Select(c => (JsonNode)c.DeepClone())]);
        }
        else
        {
            exchange["response"] = reply.Body?.DeepClone();
        }

        exchange["usage"] = new JsonObject { ["input_tokens"] = reply.InputTokens, ["output_tokens"] = reply.OutputTokens, ["cost_usd"] = cost };
        exchange["latency_ms"] = Math.Round(time.GetElapsedTime(start).TotalMilliseconds, 1);
        if (reply.Error is { } error)
        {
            exchange["error"] = error;
        }

        session.Record(index, exchange, reply.InputTokens, reply.OutputTokens, cost);
        if (reply.InputTokens + reply.OutputTokens > 0 || cost > 0)
        {
            meter.Count(session, reply.InputTokens + reply.OutputTokens, cost);
        }
    }

    private static JsonObject Error(string message, string type) => JsonNode.Parse(OpenAIError.Body(message, type))!.AsObject();

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}
