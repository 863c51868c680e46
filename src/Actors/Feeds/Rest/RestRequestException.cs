namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// A REST request failed for good: the venue refused it (a 4xx other than a rate limit, or an error in the body),
/// kept failing until the attempts ran out, or answered with something that cannot be read. The message names the
/// venue, the URL, the HTTP status and the venue's own error text.
/// </summary>
public sealed class RestRequestException : Exception
{
    /// <summary>Creates an exception for a failed request.</summary>
    public RestRequestException(string venue, string url, int? status, string errorText, int attempts, Exception? innerException = null)
        : base(Describe(venue, url, status, errorText, attempts), innerException)
    {
        Venue = venue;
        Url = url;
        Status = status;
        ErrorText = errorText;
        Attempts = attempts;
    }

    /// <summary>Creates an exception without details.</summary>
    public RestRequestException()
        : this(string.Empty, string.Empty, null, "request failed", 0)
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public RestRequestException(string message)
        : this(string.Empty, string.Empty, null, message, 0)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public RestRequestException(string message, Exception innerException)
        : this(string.Empty, string.Empty, null, message, 0, innerException)
    {
    }

    /// <summary>Gets the venue.</summary>
    public string Venue { get; }

    /// <summary>Gets the URL of the last attempt.</summary>
    public string Url { get; }

    /// <summary>Gets the HTTP status of the last answer, or null when none came (timeout, connection error).</summary>
    public int? Status { get; }

    /// <summary>Gets the venue's error text (e.g. Binance's <c>msg</c>, Kraken's <c>error</c> list) or what went wrong.</summary>
    public string ErrorText { get; }

    /// <summary>Gets how many attempts were made.</summary>
    public int Attempts { get; }

    private static string Describe(string venue, string url, int? status, string errorText, int attempts)
    {
        if (venue.Length == 0)
        {
            return errorText;
        }

        var answer = status is { } code ? $"HTTP {code}" : "no answer";
        var tries = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
        return $"{venue} REST GET {url} failed{tries}: {answer}: {errorText}";
    }
}
