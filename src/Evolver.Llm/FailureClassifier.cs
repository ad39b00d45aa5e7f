using System.ClientModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Polly.Timeout;

namespace Evolver.Llm;

/// <summary>Maps what the HTTP stack, the OpenAI client and SK throw onto the expected failures of an exchange.</summary>
internal static class FailureClassifier
{
    /// <summary>The failure <paramref name="exception"/> stands for, or null when it is a bug to let through.</summary>
    /// <param name="exception">What the chat service threw.</param>
    /// <param name="timedOut">Whether the exchange's total timeout fired.</param>
    /// <param name="answeredOk">Whether the last HTTP answer had a 2xx status.</param>
    public static (LlmFailureKind Kind, string Message, int? Status)? Classify(Exception exception, bool timedOut, bool answeredOk)
    {
        var chain = Chain(exception).ToList();
        if (chain.OfType<ReplyTooLargeException>().FirstOrDefault() is { } tooLarge)
        {
            return (LlmFailureKind.TooLarge, tooLarge.Message, null);
        }

        if (timedOut || chain.Any(e => e is TimeoutRejectedException or TimeoutException or OperationCanceledException))
        {
            return (LlmFailureKind.Timeout, "the provider did not answer in time: " + exception.Message, null);
        }

        if (chain.OfType<HttpOperationException>().FirstOrDefault(e => e.StatusCode is not null) is { } http)
        {
            return (LlmFailureKind.HttpError, $"HTTP {(int)http.StatusCode!}: {Excerpt(ErrorText(http.ResponseContent) ?? http.Message)}", (int)http.StatusCode!);
        }

        if (chain.OfType<ClientResultException>().FirstOrDefault(e => e.Status > 0) is { } result)
        {
            return (LlmFailureKind.HttpError, $"HTTP {result.Status}: {Excerpt(result.Message)}", result.Status);
        }

        if (chain.OfType<HttpRequestException>().FirstOrDefault() is { } transport)
        {
            return (LlmFailureKind.Transport, "the connection failed: " + transport.Message, null);
        }

        // A reply that came with a 2xx status and could not be read is malformed: the OpenAI client reads replies with
        // JsonElement and indexers, which throw InvalidOperationException or ArgumentOutOfRangeException on a wrong shape.
        if (chain.Any(e => e is JsonException or InvalidDataException or FormatException or KeyNotFoundException)
            || (answeredOk && chain.Any(e => e is InvalidOperationException or ArgumentException)))
        {
            return (LlmFailureKind.Malformed, "the reply is not a valid chat completion: " + chain[^1].Message, null);
        }

        return exception is HttpOperationException or ClientResultException
            ? (LlmFailureKind.Transport, "the request failed: " + exception.Message, null)
            : null;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Skip(1).SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The <c>error.message</c> of an OpenAI- or Anthropic-style error body, else the body itself.</summary>
    private static string? ErrorText(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var error = JsonNode.Parse(body)?["error"];
            return error is JsonObject ? error["message"]?.GetValue<string>() ?? body : error?.GetValue<string>() ?? body;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return body;
        }
    }

    private static string Excerpt(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
