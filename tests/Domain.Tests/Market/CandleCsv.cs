using System.Globalization;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Tests.Market;

/// <summary>
/// Reads a normalised shared-data candle file (header <c>timestamp_utc_ms,open,high,low,close,volume</c>, open times in
/// Unix ms). The normalised files carry no trade counts, so every candle's trade count is zero.
/// </summary>
internal static class CandleCsv
{
    public const string Header = "timestamp_utc_ms,open,high,low,close,volume";

    public static List<Candle> Read(string path, InstrumentId instrument, Timeframe timeframe)
    {
        var candles = new List<Candle>();
        using var reader = new StreamReader(path);
        Assert.Equal(Header, reader.ReadLine());
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            candles.Add(new Candle(
                instrument,
                timeframe,
                long.Parse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture),
                Price.Parse(fields[1]),
                Price.Parse(fields[2]),
                Price.Parse(fields[3]),
                Price.Parse(fields[4]),
                double.Parse(fields[5], NumberStyles.Float, CultureInfo.InvariantCulture),
                0,
                CandleFlags.None));
        }

        return candles;
    }
}
