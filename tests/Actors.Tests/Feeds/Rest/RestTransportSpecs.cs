using System.Text;
using ActorArb.Actors.Feeds.Rest;
using static ActorArb.Actors.Tests.Feeds.Rest.ScriptedHandler;

namespace ActorArb.Actors.Tests.Feeds.Rest;

/// <summary>Retries, waits, errors and counters of the REST transport, against scripted answers on a clock moved by hand.</summary>
public sealed class RestTransportSpecs
{
    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private readonly StepClock _clock = new();

    [Fact]
    public async Task Transport_should_retry_after_the_backoff_when_the_server_fails_with_5xx()
    {
        var handler = new ScriptedHandler(Answer(503, """{"message":"busy"}"""), Answer(502, "<html>bad gateway</html>"), Answer(200, "[1,2]"));
        using var transport = Transport("coinbase", handler);

        var get = transport.GetAsync("/products/USDC-USD/trades");
        await _clock.WaitForArmedAsync(Backoff);
        _clock.Advance(Backoff - TimeSpan.FromMilliseconds(1));
        Assert.Single(handler.Requests);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await _clock.WaitForArmedAsync(Backoff * 2);
        Assert.Equal(2, handler.Requests.Count);
        _clock.Advance(Backoff * 2);

        Assert.Equal("[1,2]", Encoding.UTF8.GetString(await get.WaitAsync(TimeSpan.FromSeconds(5))));
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(new RestCounters(3, 2, 0, 18 + 24 + 5), transport.Counters);
    }

    [Fact]
    public async Task Transport_should_wait_as_long_as_retry_after_says_and_count_the_429()
    {
        var handler = new ScriptedHandler(Answer(429, """{"code":-1003,"msg":"Too many requests"}""", ("Retry-After", "7")), Answer(200, "[]"));
        using var transport = Transport("binance", handler);

        var get = transport.GetAsync("/api/v3/klines");
        await _clock.WaitForArmedAsync(TimeSpan.FromSeconds(7));
        _clock.Advance(TimeSpan.FromSeconds(6.9));
        Assert.Single(handler.Requests);
        _clock.Advance(TimeSpan.FromSeconds(0.1));

        await get.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(1, transport.Counters.RateLimited);
        Assert.Equal(1, transport.Counters.Retries);
    }

    [Fact]
    public async Task Transport_should_retry_krakens_rate_limit_error_sent_with_http_200()
    {
        const string Limited = """{"error":["EAPI:Rate limit exceeded"]}""";
        const string Result = """{"error":[],"result":{"last":1}}""";
        var handler = new ScriptedHandler(Answer(200, Limited), Answer(200, Result));
        using var transport = Transport("kraken", handler);

        var get = transport.GetAsync("/0/public/Trades?pair=USDCUSD");
        await _clock.WaitForArmedAsync(Backoff);
        _clock.Advance(Backoff);

        Assert.Contains("result", Encoding.UTF8.GetString(await get.WaitAsync(TimeSpan.FromSeconds(5))), StringComparison.Ordinal);
        Assert.Equal(new RestCounters(2, 1, 1, Limited.Length + Result.Length), transport.Counters);
    }

    [Fact]
    public async Task Transport_should_fail_at_once_naming_venue_url_status_and_error_when_the_venue_refuses_the_request()
    {
        var handler = new ScriptedHandler(Answer(400, """{"code":-1121,"msg":"Invalid symbol."}"""));
        using var transport = Transport("binance", handler);

        var error = await Assert.ThrowsAsync<RestRequestException>(() => transport.GetAsync("/api/v3/klines?symbol=NOPE"));

        Assert.Equal("binance REST GET http://venue.test/api/api/v3/klines?symbol=NOPE failed: HTTP 400: code -1121: Invalid symbol.", error.Message);
        Assert.Equal((400, 1, "code -1121: Invalid symbol."), (error.Status!.Value, error.Attempts, error.ErrorText));
        Assert.Single(handler.Requests);
        Assert.Equal(0, transport.Counters.Retries);
    }

    [Fact]
    public async Task Transport_should_fail_at_once_when_kraken_reports_an_error_that_is_not_a_rate_limit()
    {
        var handler = new ScriptedHandler(Answer(200, """{"error":["EQuery:Unknown asset pair"]}"""));
        using var transport = Transport("kraken", handler);

        var error = await Assert.ThrowsAsync<RestRequestException>(() => transport.GetAsync("/0/public/OHLC?pair=NOPE"));

        Assert.Contains("kraken REST GET http://venue.test/api/0/public/OHLC?pair=NOPE failed: HTTP 200: EQuery:Unknown asset pair", error.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Transport_should_retry_when_the_connection_fails_or_the_answer_times_out()
    {
        var handler = new ScriptedHandler(ConnectionRefused(), Hang(), Answer(200, "{}"));
        using var transport = Transport("coinbase", handler);

        var get = transport.GetAsync("/time");
        await _clock.WaitForArmedAsync(Backoff);
        _clock.Advance(Backoff);
        await _clock.WaitForArmedAsync(RequestTimeout, count: 2);
        Assert.Equal(2, handler.Requests.Count);
        _clock.Advance(RequestTimeout);
        await _clock.WaitForArmedAsync(Backoff * 2);
        _clock.Advance(Backoff * 2);

        Assert.Equal("{}", Encoding.UTF8.GetString(await get.WaitAsync(TimeSpan.FromSeconds(5))));
        Assert.Equal(new RestCounters(3, 2, 0, 2), transport.Counters);
    }

    [Fact]
    public async Task Transport_should_give_up_with_the_last_error_when_the_attempts_run_out()
    {
        var handler = new ScriptedHandler(Answer(500, """{"message":"Internal server error"}"""));
        using var transport = Transport("coinbase", handler, maxAttempts: 3);

        var get = transport.GetAsync("/products");
        await _clock.WaitForArmedAsync(Backoff);
        _clock.Advance(Backoff);
        await _clock.WaitForArmedAsync(Backoff * 2);
        _clock.Advance(Backoff * 2);

        var error = await Assert.ThrowsAsync<RestRequestException>(() => get.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("coinbase REST GET http://venue.test/api/products failed after 3 attempts: HTTP 500: gave up: Internal server error", error.Message);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Transport_should_fail_rather_than_hang_when_retry_after_is_longer_than_allowed()
    {
        var handler = new ScriptedHandler(Answer(418, """{"code":-1003,"msg":"Way too many requests; IP banned until 1700000000000."}""", ("Retry-After", "86400")));
        using var transport = Transport("binance", handler);

        var error = await Assert.ThrowsAsync<RestRequestException>(() => transport.GetAsync("/api/v3/trades"));

        Assert.Contains("HTTP 418", error.Message, StringComparison.Ordinal);
        Assert.Contains("1.00:00:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("IP banned", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, transport.Counters.RateLimited);
    }

    [Fact]
    public async Task Transport_should_wait_for_its_rate_limiter_before_every_attempt()
    {
        var handler = new ScriptedHandler(Answer(200, "[]"));
        using var transport = new RestTransport(
            new RestTransportOptions("coinbase", new Uri("http://venue.test/api/")) { Limiter = new TokenBucket(2, 4, _clock), Time = _clock },
            handler);

        var gets = Enumerable.Range(0, 4).Select(_ => transport.GetAsync("/products")).ToList();
        await _clock.WaitForArmedAsync(TimeSpan.FromSeconds(0.5));
        Assert.Equal(2, handler.Requests.Count);
        _clock.Advance(TimeSpan.FromSeconds(0.25));
        await gets[2].WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, handler.Requests.Count);
        _clock.Advance(TimeSpan.FromSeconds(0.25));

        await Task.WhenAll(gets).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(4, handler.Requests.Count);
    }

    private RestTransport Transport(string venue, ScriptedHandler handler, int maxAttempts = 8) => new(
        new RestTransportOptions(venue, new Uri("http://venue.test/api/"))
        {
            Limiter = new TokenBucket(1_000, 1_000, _clock),
            InitialBackoff = Backoff,
            MaxBackoff = TimeSpan.FromMinutes(1),
            Jitter = 0,
            MaxAttempts = maxAttempts,
            RequestTimeout = RequestTimeout,
            Time = _clock,
        },
        handler);
}
