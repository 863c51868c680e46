using System.Globalization;
using ActorArb.Simulator;

namespace ActorArb.Host.Commands;

/// <summary>
/// <c>actorarb simulate</c>: serves tick files as a local exchange — every venue's WebSocket flavours and REST
/// endpoints on one loopback port — with optional faults, until Ctrl-C or SIGTERM. Point <c>feeds.&lt;venue&gt;</c>'s
/// URLs at it to run <c>actorarb run</c> or <c>backfill</c> offline.
/// </summary>
internal static class SimulateCommand
{
    public static async Task<int> RunAsync(CommandLine line)
    {
        var venue = line.Get("exchange") ?? throw new UsageException("simulate: --exchange coinbase|kraken|binance is required");
        var symbol = line.Get("symbol") ?? throw new UsageException("simulate: --symbol BASE/QUOTE is required");
        var path = line.Get("ticks") ?? throw new UsageException("simulate: --ticks FILE (timestamp_utc_ms,trade_id,price,qty,taker_side) is required");
        var rate = line.Get("rate") is { } r ? Positive(r, "rate") : (double?)null;
        var port = (int)(line.GetLong("port") ?? 0);
        var faults = new SimulatorFaults
        {
            DropEvery = line.GetDuration("drop-every", "5s"),
            DuplicateFraction = line.Get("duplicates") is { } dup ? Fraction(dup, "duplicates") : 0,
            CorruptFraction = line.Get("corrupt") is { } corrupt ? Fraction(corrupt, "corrupt") : 0,
            RestRateLimitFraction = line.Get("rest-429") is { } limited ? Fraction(limited, "rest-429") : 0,
        };
        line.EnsureAllRead("simulate");
        if (!File.Exists(path))
        {
            throw new UsageException($"simulate: tick file not found: {path}");
        }

        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromFile(venue, symbol, path)],
            TicksPerSecond = rate,
            ShiftTimesToNow = TimeSpan.FromDays(1),
            Port = port,
            Faults = faults,
        }).ConfigureAwait(false);
        Console.Out.WriteLine($"simulating {venue} {symbol} from {path} at {(rate is { } x ? x.ToString(CultureInfo.InvariantCulture) + " ticks/s" : "full speed")}");
        foreach (var flavour in SimulatorFlavours.All.Where(f => SimulatorFlavours.VenueOf(f) == venue))
        {
            Console.Out.WriteLine($"  websocket {flavour}: {simulator.WebSocketUri(flavour)}");
        }

        Console.Out.WriteLine($"  rest {venue}: {simulator.RestUri(venue)}");
        using (var stop = new StopSignal())
        {
            await Task.WhenAny(simulator.PublishedAll, Task.Delay(Timeout.Infinite, stop.Token)).ConfigureAwait(false);
            if (!stop.Token.IsCancellationRequested)
            {
                Console.Out.WriteLine("every tick published; serving REST history until Ctrl-C");
                await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }

        var c = simulator.Counters;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stopped: {c.PublishedTrades.Values.Sum():N0} trades published, {c.MessagesSent:N0} messages sent, {c.ConnectionsAccepted} connections ({c.ConnectionsDropped} dropped), {c.RestRequests:N0} REST requests ({c.RestRateLimited:N0} rate-limited)"));
        return 0;
    }

    private static double Positive(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new UsageException($"--{option}: expected a positive number, got \"{text}\"");

    private static double Fraction(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1 ? v : throw new UsageException($"--{option}: expected a fraction from 0 to 1, got \"{text}\"");
}
