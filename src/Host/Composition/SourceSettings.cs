using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Synthetic;
using ActorArb.Domain.Time;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Composition;

/// <summary>The kind of historical source a backtest reads.</summary>
internal enum SourceKindSetting
{
    Synthetic,
    CsvCandles,
    CsvTicks,
    StoreCandles,
}

/// <summary>Where a backtest's market data comes from, bound from <c>backtest.source</c>.</summary>
internal sealed record SourceSettings(
    SourceKindSetting Kind,
    string? Path,
    Instrument Instrument,
    Timeframe Timeframe,
    BadRowPolicy BadRows,
    long? FromMs,
    long? ToMs,
    SyntheticPegOptions Synthetic,
    int Repeat = 1)
{
    /// <summary>Binds <c>backtest.source</c>; relative paths resolve against the config file's folder.</summary>
    public static SourceSettings Bind(HoconConfig c)
    {
        c.EnsureOnlyKeys("kind", "path", "exchange", "symbol", "timeframe", "tick-size", "peg", "bad-rows", "from", "to", "synthetic");
        var kind = c.GetString("kind", "synthetic") switch
        {
            "synthetic" => SourceKindSetting.Synthetic,
            "csv-candles" => SourceKindSetting.CsvCandles,
            "csv-ticks" => SourceKindSetting.CsvTicks,
            "store-candles" => SourceKindSetting.StoreCandles,
            _ => throw c.InvalidValue("kind", "one of synthetic, csv-candles, csv-ticks, store-candles"),
        };
        var tickText = c.GetString("tick-size", "0.0001");
        if (!Price.TryParse(tickText, out var tick) || tick.Raw <= 0)
        {
            throw c.InvalidValue("tick-size", "a positive price such as 0.0001");
        }

        Price? peg = null;
        if (c.HasPath("peg"))
        {
            peg = Price.TryParse(c.GetString("peg"), out var p) && p.Raw > 0 ? p : throw c.InvalidValue("peg", "a positive price such as 1.0");
        }

        var exchange = c.GetString("exchange", kind == SourceKindSetting.Synthetic ? "synthetic" : "unknown");
        var symbol = c.GetString("symbol", "USDC/USD");
        var instrument = new Instrument(new InstrumentId(exchange, symbol), tick, peg);
        var badRows = c.GetString("bad-rows", "skip") switch
        {
            "skip" => BadRowPolicy.Skip,
            "stop" => BadRowPolicy.Stop,
            _ => throw c.InvalidValue("bad-rows", "skip or stop"),
        };
        string? path = null;
        if (kind is SourceKindSetting.CsvCandles or SourceKindSetting.CsvTicks)
        {
            var value = c.GetValue("path") ?? throw c.InvalidValue("path", "the CSV file of the source");
            path = System.IO.Path.IsPathRooted(c.GetString("path"))
                ? c.GetString("path")
                : System.IO.Path.GetFullPath(c.GetString("path"), System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(value.SourceFile)) ?? ".");
        }

        var synthetic = c.GetConfig("synthetic");
        synthetic.EnsureOnlyKeys("seed", "days", "start");
        var defaults = new SyntheticPegOptions();
        var days = BacktestSettings.Positive(synthetic, "days", synthetic.GetInt("days", 30));
        var syntheticOptions = defaults with
        {
            Seed = (ulong)synthetic.GetLong("seed", 42),
            Bars = checked(days * 1440),
            StartMs = Date(synthetic, "start") ?? defaults.StartMs,
            Peg = peg?.ToDouble() ?? 1.0,
            TickSize = tick,
            DepegStartBar = Math.Min(defaults.DepegStartBar, days * 1440 * 7 / 15),
        };

        return new SourceSettings(kind, path, instrument, Timeframes.Get(c, "timeframe", Timeframe.OneMinute), badRows, Date(c, "from"), Date(c, "to"), syntheticOptions);
    }

    /// <summary>
    /// Opens the source these settings describe; <paramref name="store"/> is the PostgreSQL store the
    /// <c>store-candles</c> kind reads its candles table from.
    /// </summary>
    public HistoricalSource Open(PostgresEventStore? store = null)
    {
        var csv = new CsvSourceOptions(BadRows, FromMs, ToMs, Repeat);
        return Kind switch
        {
            SourceKindSetting.CsvCandles => new CsvCandleSource(Path!, Instrument, Timeframe, csv),
            SourceKindSetting.CsvTicks => new CsvTickSource(Path!, Instrument, csv),
            SourceKindSetting.StoreCandles => new StoreCandleSource(store ?? throw new InvalidOperationException("the store-candles source needs the PostgreSQL store"), Instrument, Timeframe, FromMs, ToMs),
            _ => new SyntheticCandleSource(Instrument, Synthetic),
        };
    }

    private static long? Date(HoconConfig c, string key)
    {
        if (!c.HasPath(key))
        {
            return null;
        }

        return UnixTime.TryParseIso(c.GetString(key), out var ms) ? ms : throw c.InvalidValue(key, "a UTC date such as 2023-03-01 or 2023-03-01T12:00:00Z");
    }
}
