using System.Text;
using System.Text.Json;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>What a venue's answer means for the transport.</summary>
internal enum RestVerdict
{
    /// <summary>The answer carries the data.</summary>
    Ok,

    /// <summary>The venue's rate limit was hit: wait (its <c>Retry-After</c> when given) and send again.</summary>
    RateLimited,

    /// <summary>A passing failure on the venue's side (5xx, Kraken's <c>EService</c> errors): back off and send again.</summary>
    Retryable,

    /// <summary>The request itself is wrong (a 4xx, an unknown pair): sending it again cannot help.</summary>
    Refused,
}

/// <summary>
/// Reads the venues' answers: which ones are rate limits or passing failures, and the error text each venue puts
/// in its body (Coinbase <c>message</c>, Binance <c>code</c>/<c>msg</c>, Kraken the <c>error</c> list, which Kraken
/// sends with HTTP 200, rate limits included).
/// </summary>
internal static class RestAnswers
{
    private const int SampleChars = 300;

    /// <summary>Returns what an answer with <paramref name="status"/> and <paramref name="body"/> from <paramref name="venue"/> means.</summary>
    public static RestVerdict Classify(string venue, int status, ReadOnlySpan<byte> body)
    {
        if (status is 429 or 418)
        {
            return RestVerdict.RateLimited;
        }

        if (status is 408 or >= 500)
        {
            return RestVerdict.Retryable;
        }

        if (status is < 200 or >= 300)
        {
            return RestVerdict.Refused;
        }

        return venue == RateLimits.Kraken ? ClassifyKrakenErrors(KrakenErrors(body)) : RestVerdict.Ok;
    }

    /// <summary>Returns the venue's error text from a body, or its first characters when it is not a known error shape.</summary>
    public static string ErrorText(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var parts = new List<string>();
                foreach (var name in (ReadOnlySpan<string>)["code", "msg", "message", "error", "error_details", "reason"])
                {
                    if (root.TryGetProperty(name, out var value) && Text(value) is { Length: > 0 } text && !parts.Contains(text))
                    {
                        parts.Add(name == "code" ? $"code {text}" : text);
                    }
                }

                if (parts.Count > 0)
                {
                    return string.Join(": ", parts);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the sample below says what came.
        }

        return Sample(body);
    }

    /// <summary>Returns Kraken's <c>error</c> list from a body (empty when there is none or the body is not an object).</summary>
    public static IReadOnlyList<string> KrakenErrors(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                ? [.. errors.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())]
                : [];
        }
        catch (JsonException)
        {
            // The client reports an unreadable body itself, with the sample.
            return [];
        }
    }

    /// <summary>Returns the first characters of a body, for messages.</summary>
    public static string Sample(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, SampleChars * 4)]).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "(empty body)" : text.Length <= SampleChars ? text : text[..SampleChars] + "…";
    }

    private static RestVerdict ClassifyKrakenErrors(IReadOnlyList<string> errors)
    {
        if (errors.Count == 0)
        {
            return RestVerdict.Ok;
        }

        // Kraken documents these as "slow down" (EAPI:Rate limit exceeded, EGeneral:Too many requests) and as
        // passing service trouble (EService:Unavailable, EService:Busy, EService:Deadline elapsed).
        if (errors.Any(e => e.StartsWith("EAPI:Rate limit", StringComparison.Ordinal) || e.StartsWith("EGeneral:Too many requests", StringComparison.Ordinal)))
        {
            return RestVerdict.RateLimited;
        }

        return errors.All(e => e.StartsWith("EService:", StringComparison.Ordinal)) ? RestVerdict.Retryable : RestVerdict.Refused;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
        _ => null,
    };
}
