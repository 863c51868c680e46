using System.Globalization;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Time;
using ActorArb.Host.Tests.Commands;
using ActorArb.Simulator;

namespace ActorArb.Host.Tests.Backfill;

/// <summary>A simulated market, configs and table reads shared by the backfill command specs.</summary>
internal static class BackfillKit
{
    /// <summary>2023-11-14T22:00:00Z.</summary>
    public const long StartMs = 1_699_999_200_000;

    /// <summary>
    /// Returns <paramref name="count"/> trades with contiguous ids, about 20 s apart with a four-minute silence after
    /// every 150th (minutes without trades, which Coinbase leaves out of its candles).
    /// </summary>
    public static List<TradeTick> Market(string venue, string symbol, int count)
    {
        var instrument = new InstrumentId(venue, symbol);
        var ticks = new List<TradeTick>(count);
        var time = StartMs + 5_000;
        for (var i = 0; i < count; i++)
        {
            time += i == 0 ? 0 : i % 150 == 0 ? 240_000 : 19_000 + (i % 3);
            ticks.Add(new TradeTick(
                instrument,
                time,
                Price.Parse((0.9990m + (((i * 5) % 11) * 0.0001m)).ToString(CultureInfo.InvariantCulture)),
                0.25 + ((i % 4) * 0.5),
                i % 2 == 0 ? Side.Buy : Side.Sell,
                (500_000 + i).ToString(CultureInfo.InvariantCulture)));
        }

        return ticks;
    }

    /// <summary>Starts a simulator over one feed with everything published.</summary>
    public static async Task<ExchangeSimulator> PublishedAsync(string venue, string symbol, IReadOnlyList<TradeTick> ticks, SimulatorFaults? faults = null)
    {
        var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks(venue, symbol, ticks)],
            StartPaused = true,
            Faults = faults ?? SimulatorFaults.None,
        });
        sim.Step(ticks.Count);
        return sim;
    }

    /// <summary>Returns the 1m candles the domain aggregator builds from the ticks, flats included, opening before <paramref name="toMs"/>.</summary>
    public static List<string> Minutes(IReadOnlyList<TradeTick> ticks, long toMs)
    {
        var aggregator = new CandleAggregator(ticks[0].Instrument, new CandleAggregatorOptions([]));
        var closed = new List<Candle>();
        foreach (var tick in ticks)
        {
            aggregator.OnTick(tick, closed);
        }

        aggregator.Flush(closed);
        return closed.Where(c => c.OpenTimeMs < toMs).Select(c => Row(c.OpenTimeMs, c.Open, c.High, c.Low, c.Close, c.Flags)).ToList();
    }

    /// <summary>Returns a candle as the specs compare candles rows: open time, OHLC and flags (volumes and counts are the venue's).</summary>
    public static string Row(long openMs, Price open, Price high, Price low, Price close, CandleFlags flags) =>
        $"{UnixTime.ToIso(openMs)} {open} {high} {low} {close} {(int)flags}";

    /// <summary>Returns the minute of the last trade: bars before it are complete.</summary>
    public static long LastMinute(IReadOnlyList<TradeTick> ticks) => Timeframe.OneMinute.Floor(ticks[^1].TimeMs);

    /// <summary>Writes the repository config with the PostgreSQL store in <paramref name="schema"/> and returns its path.</summary>
    public static string WriteConfig(string directory, string schema, string? connection = null, string extra = "")
    {
        var path = Path.Combine(directory, schema + ".hocon");
        var store = $"persistence.store = postgres\npersistence.postgres.schema = {schema}\n"
            + (connection is null ? string.Empty : $"persistence.postgres.connection = \"{connection}\"\n");
        File.WriteAllText(path, File.ReadAllText(BacktestCommandSpecs.FindRepoFile("config.hocon")) + "\n" + store + extra + "\n");
        return path;
    }

    /// <summary>Returns the backfill command's arguments for the simulator's venue.</summary>
    public static string[] Arguments(string config, string venue, string symbol, long fromMs, long toMs, Uri restUrl) =>
        ["backfill", "--config", config, "--exchange", venue, "--symbol", symbol, "--timeframe", "1m", "--from", UnixTime.ToIso(fromMs), "--to", UnixTime.ToIso(toMs), "--rest-url", restUrl.ToString(), "--quiet"];
}
