using ActorArb.Domain.Market;

namespace ActorArb.Domain.Validation;

/// <summary>
/// One candle row exactly as a file or store holds it, before any check: the validator sees every row, the bad ones
/// included, so that it can report them rather than lose them.
/// </summary>
/// <param name="Line">The 1-based line of the row in its file (the header is line 1); null when the row did not come from a file.</param>
/// <param name="TimeMs">The bar's open time, Unix milliseconds UTC.</param>
/// <param name="Open">The opening price.</param>
/// <param name="High">The highest price.</param>
/// <param name="Low">The lowest price.</param>
/// <param name="Close">The closing price.</param>
/// <param name="Volume">The traded volume in base units.</param>
public readonly record struct CandleRow(int? Line, long TimeMs, Price Open, Price High, Price Low, Price Close, double Volume)
{
    /// <summary>Returns the row of a candle read through a source, which has no file line.</summary>
    public static CandleRow From(in Candle candle) =>
        new(null, candle.OpenTimeMs, candle.Open, candle.High, candle.Low, candle.Close, candle.Volume);

    /// <summary>Returns <c>open/high/low/close</c>, as messages quote a bar.</summary>
    public string Ohlc => $"{Open}/{High}/{Low}/{Close}";

    /// <summary>Returns whether the two rows carry the same open, high, low and close.</summary>
    internal bool SameOhlc(in CandleRow other) =>
        Open == other.Open && High == other.High && Low == other.Low && Close == other.Close;

    /// <summary>Returns whether the two rows carry the same prices and volume (the time is not compared).</summary>
    internal bool SameValues(in CandleRow other) => SameOhlc(other) && Volume.Equals(other.Volume);
}
