using System.Net;
using System.Net.Http.Headers;
using ActorArb.Actors.Feeds.WebSockets;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// HTTP GET for one venue's public REST API: every request waits for the venue's rate limiter, and a request that
/// meets a rate limit (HTTP 429 or 418, or Kraken's HTTP 200 with <c>EAPI:Rate limit exceeded</c>), a server error,
/// a timeout or a connection error is sent again after an exponential backoff with jitter (or the venue's
/// <c>Retry-After</c>), up to <see cref="RestTransportOptions.MaxAttempts"/>. A request the venue refuses (any other
/// 4xx, or an error in Kraken's body) fails at once with a <see cref="RestRequestException"/> naming the venue, URL,
/// status and the venue's error text. Every wait is on <see cref="RestTransportOptions.Time"/>. Thread-safe.
/// </summary>
public sealed class RestTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly RestTransportOptions _options;
    private readonly IRateLimiter _limiter;
    private readonly BackoffPolicy _backoff;
    private readonly Lock _backoffGate = new();
    private readonly string _base;
    private long _requests;
    private long _retries;
    private long _rateLimited;
    private long _bytes;

    /// <summary>Creates a transport that sends through its own <see cref="HttpClient"/> over <paramref name="handler"/> (or a pooled socket handler).</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public RestTransport(RestTransportOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _limiter = options.Limiter ?? RateLimits.For(options.Venue, options.Time);
        _backoff = new BackoffPolicy(
            options.InitialBackoff,
            options.MaxBackoff,
            2.0,
            options.Jitter,
            options.JitterSeed is { } seed ? new Random(seed) : Random.Shared);
        _base = options.BaseUri.AbsoluteUri.TrimEnd('/');

        // The transport times each attempt itself, on its own clock.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("actorarb", "1.0"));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>Gets the venue.</summary>
    public string Venue => _options.Venue;

    /// <summary>Gets the API root the paths are appended to, without a trailing slash.</summary>
    public string BaseUrl => _base;

    /// <summary>Gets what the transport has done so far.</summary>
    public RestCounters Counters => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _retries),
        Interlocked.Read(ref _rateLimited),
        Interlocked.Read(ref _bytes));

    /// <summary>
    /// Sends <c>GET base + <paramref name="pathAndQuery"/></c> and returns the body of the first good answer. The
    /// request spends <paramref name="cost"/> of the venue's limit on each attempt.
    /// </summary>
    /// <exception cref="RestRequestException">The venue refused the request, or it kept failing until the attempts ran out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<byte[]> GetAsync(string pathAndQuery, double cost = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        var url = _base + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
        for (var attempt = 1; ; attempt++)
        {
            await _limiter.WaitAsync(cost, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _requests);
            var outcome = await SendOnceAsync(url, cancellationToken).ConfigureAwait(false);
            if (outcome.Verdict == RestVerdict.Ok)
            {
                return outcome.Body!;
            }

            if (outcome.Verdict == RestVerdict.RateLimited)
            {
                Interlocked.Increment(ref _rateLimited);
            }

            if (outcome.Verdict == RestVerdict.Refused)
            {
                throw new RestRequestException(Venue, url, outcome.Status, outcome.Error, attempt);
            }

            if (attempt >= _options.MaxAttempts)
            {
                throw new RestRequestException(Venue, url, outcome.Status, $"gave up: {outcome.Error}", attempt, outcome.Cause);
            }

            var wait = outcome.RetryAfter ?? NextBackoff(attempt);
            if (wait > _options.MaxRetryAfter)
            {
                throw new RestRequestException(Venue, url, outcome.Status, $"the venue asks to wait {wait} (longer than the {_options.MaxRetryAfter} allowed): {outcome.Error}", attempt);
            }

            Interlocked.Increment(ref _retries);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _options.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private TimeSpan NextBackoff(int failures)
    {
        lock (_backoffGate)
        {
            return _backoff.Delay(failures);
        }
    }

    private async Task<Outcome> SendOnceAsync(string url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            Interlocked.Add(ref _bytes, body.Length);
            var status = (int)response.StatusCode;
            var verdict = RestAnswers.Classify(Venue, status, body);
            return verdict == RestVerdict.Ok
                ? new Outcome(verdict, status, body, string.Empty, null, null)
                : new Outcome(verdict, status, null, RestAnswers.ErrorText(body), RetryAfter(response), null);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(RestVerdict.Retryable, null, null, $"no complete answer within {_options.RequestTimeout}", null, error);
        }
        catch (HttpRequestException error)
        {
            return new Outcome(RestVerdict.Retryable, null, null, $"connection failed: {error.Message}", null, error);
        }
    }

    /// <summary>Returns the wait a <c>Retry-After</c> header asks for (seconds or a date), or null without one.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _options.Time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private readonly record struct Outcome(RestVerdict Verdict, int? Status, byte[]? Body, string Error, TimeSpan? RetryAfter, Exception? Cause);
}
