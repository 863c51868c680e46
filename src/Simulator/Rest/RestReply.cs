using System.Globalization;
using System.Text.Json;
using ActorArb.Domain.Time;
using ActorArb.Simulator.Wire;
using Microsoft.AspNetCore.Http;

namespace ActorArb.Simulator.Rest;

/// <summary>An HTTP answer: status, JSON body and extra headers.</summary>
internal sealed record RestReply(int Status, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>Returns a reply whose body <paramref name="write"/> writes.</summary>
    public static RestReply Json(int status, Action<Utf8JsonWriter> write, params KeyValuePair<string, string>[] headers)
    {
        var frame = new JsonFrame();
        write(frame.Start());
        return new RestReply(status, frame.Finish(), headers);
    }

    /// <summary>Writes the reply to the response.</summary>
    public async Task WriteAsync(HttpResponse response, CancellationToken cancellation)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        await response.Body.WriteAsync(Body, cancellation).ConfigureAwait(false);
    }
}

/// <summary>Reads query parameters the way the exchanges accept them.</summary>
internal static class Query
{
    /// <summary>Returns the parameter's text, or null when absent or empty.</summary>
    public static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    /// <summary>Returns true with the parameter as a 64-bit integer (null when absent); false when present but not an integer.</summary>
    public static bool TryLong(IQueryCollection query, string name, out long? value)
    {
        value = null;
        if (Text(query, name) is not { } text)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Returns true with the limit (<paramref name="fallback"/> when absent) when it lies in [1, <paramref name="max"/>].</summary>
    public static bool TryLimit(IQueryCollection query, string name, int fallback, int max, out int limit)
    {
        limit = fallback;
        if (!TryLong(query, name, out var value))
        {
            return false;
        }

        if (value is { } given)
        {
            if (given < 1 || given > max)
            {
                return false;
            }

            limit = (int)given;
        }

        return true;
    }

    /// <summary>Returns true with a time in Unix ms parsed from ISO 8601 or Unix seconds (null when absent).</summary>
    public static bool TryTime(IQueryCollection query, string name, out long? timeMs)
    {
        timeMs = null;
        if (Text(query, name) is not { } text)
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            timeMs = (long)decimal.Floor(seconds * 1000);
            return true;
        }

        if (UnixTime.TryParseIso(text, out var ms))
        {
            timeMs = ms;
            return true;
        }

        return false;
    }
}
