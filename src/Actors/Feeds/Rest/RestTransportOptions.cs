namespace ActorArb.Actors.Feeds.Rest;

/// <summary>How a <see cref="RestTransport"/> reaches one venue: where, how fast, how patiently, and on which clock.</summary>
/// <param name="Venue">The venue (<c>coinbase</c>, <c>kraken</c> or <c>binance</c>): it decides how errors and rate limits are recognised.</param>
/// <param name="BaseUri">The API root, e.g. <c>https://api.kraken.com</c> or a simulator's <c>http://127.0.0.1:5123/rest/kraken</c>; paths are appended to it as text.</param>
public sealed record RestTransportOptions(string Venue, Uri BaseUri)
{
    /// <summary>Gets the limiter, or null for the venue's default (<see cref="RateLimits.For"/> on <see cref="Time"/>).</summary>
    public IRateLimiter? Limiter { get; init; }

    /// <summary>Gets how many times one request is sent at most before the transport gives up.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Gets the wait after the first failure; each further failure doubles it up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets the longest wait between two attempts that the transport chooses itself.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the fraction by which each backoff is randomly shortened or lengthened, so clients do not retry in step.</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>Gets the seed of the jitter, or null for a shared random source.</summary>
    public int? JitterSeed { get; init; }

    /// <summary>
    /// Gets the longest <c>Retry-After</c> the transport honours; a venue asking for longer (Binance's 418 bans last
    /// minutes to days) ends the request with an error instead of a silent hang.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets how long one attempt may take, from sending to the last byte of the body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the clock of every wait: rate limits, backoffs, <c>Retry-After</c> and timeouts.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        if (!RateLimits.Venues.Contains(Venue))
        {
            throw RateLimits.UnknownVenue(Venue, nameof(Venue));
        }

        ArgumentNullException.ThrowIfNull(BaseUri);
        ArgumentNullException.ThrowIfNull(Time);
        if (!BaseUri.IsAbsoluteUri || BaseUri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"the REST base of {Venue} must be an absolute http(s) URL, not \"{BaseUri}\"", nameof(BaseUri));
        }

        if (MaxAttempts < 1)
        {
            throw new ArgumentException($"MaxAttempts must be at least 1, not {MaxAttempts}", nameof(MaxAttempts));
        }

        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff || RequestTimeout <= TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException("InitialBackoff and RequestTimeout must be positive, MaxBackoff at least InitialBackoff, MaxRetryAfter not negative", nameof(InitialBackoff));
        }

        if (!(Jitter is >= 0 and < 1))
        {
            throw new ArgumentException($"Jitter must lie in [0, 1), not {Jitter}", nameof(Jitter));
        }
    }
}
