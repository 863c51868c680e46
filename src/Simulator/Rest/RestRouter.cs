using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ActorArb.Simulator.Rest;

/// <summary>
/// Serves <c>/rest/&lt;venue or flavour&gt;/…</c> with each venue's real paths, after the rate-limit fault: a seeded
/// fraction of requests, and every request above the per-venue rate over the last second, is refused the venue's way
/// (Coinbase and Binance HTTP 429 with <c>Retry-After</c>, Kraken HTTP 200 with <c>EAPI:Rate limit exceeded</c>).
/// Refused requests do not count towards the rate, so a client that backs off gets through.
/// </summary>
internal sealed class RestRouter(SimulatorState state)
{
    private readonly Lock gate = new();
    private readonly Random random = new(state.SeedFor(3, 0));
    private readonly Dictionary<string, Queue<long>> recent = [];

    /// <summary>Returns the <c>Retry-After</c> header for a wait, in whole seconds rounded up.</summary>
    public static KeyValuePair<string, string> RetryAfter(TimeSpan wait) =>
        KeyValuePair.Create("Retry-After", ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture));

    /// <summary>Answers a request whose path after <c>/rest/</c> is <paramref name="route"/>.</summary>
    public async Task HandleAsync(HttpContext context, string route)
    {
        Interlocked.Increment(ref state.Stats.RestRequests);
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || SimulatorFlavours.VenueOf(segments[0]) is not { } venue)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var path = segments[1..];
        var query = context.Request.Query;
        RestReply reply;
        if (IsLimited(venue))
        {
            Interlocked.Increment(ref state.Stats.RestRateLimited);
            var wait = state.Faults.RetryAfter;
            reply = venue switch
            {
                SimulatorFlavours.KrakenVenue => KrakenRest.RateLimited(),
                SimulatorFlavours.BinanceVenue => BinanceRest.RateLimited(wait),
                _ => CoinbaseRest.RateLimited(wait),
            };
        }
        else
        {
            reply = venue switch
            {
                SimulatorFlavours.KrakenVenue => KrakenRest.Handle(state, path, query),
                SimulatorFlavours.BinanceVenue => BinanceRest.Handle(state, path, query),
                _ => CoinbaseRest.Handle(state, path, query),
            };
        }

        await reply.WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
    }

    private bool IsLimited(string venue)
    {
        var faults = state.Faults;
        var now = state.Time.GetTimestamp();
        lock (gate)
        {
            // Always draw, so the choices for a seed do not depend on which faults are switched on.
            var refused = random.NextDouble() < faults.RestRateLimitFraction;
            if (!recent.TryGetValue(venue, out var window))
            {
                recent[venue] = window = new Queue<long>();
            }

            while (window.Count > 0 && state.Time.GetElapsedTime(window.Peek(), now) >= TimeSpan.FromSeconds(1))
            {
                window.Dequeue();
            }

            refused |= faults.RestMaxRequestsPerSecond is { } rate && window.Count + 1 > rate;
            if (!refused)
            {
                window.Enqueue(now);
            }

            return refused;
        }
    }
}
