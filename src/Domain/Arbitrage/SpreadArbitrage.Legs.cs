using ActorArb.Domain.Market;

namespace ActorArb.Domain.Arbitrage;

/// <summary>The per-leg book the engine mutates.</summary>
public sealed partial class SpreadArbitrage
{
    /// <summary>One leg's inventory, fee and newest candle.</summary>
    private sealed class LegBook(SpreadLeg leg)
    {
        public InstrumentId Instrument { get; } = leg.Instrument;

        public double FeeRate { get; } = leg.TakerFeeRate;

        public double Cash { get; set; } = leg.InitialCash;

        public double Units { get; set; } = leg.InitialUnits;

        public Price LastClose { get; set; }

        public long LastCloseTimeMs { get; set; } = NoQuoteMs;

        public double LastVolume { get; set; }

        public bool LastFlat { get; set; }

        public bool HasQuote => LastCloseTimeMs != NoQuoteMs;

        public void Record(in Candle candle)
        {
            LastClose = candle.Close;
            LastCloseTimeMs = candle.CloseTimeMs;
            LastVolume = candle.Volume;
            LastFlat = (candle.Flags & CandleFlags.Flat) != 0;
        }

        /// <summary>A leg without any quote is not stale: the engine waits for its first candle.</summary>
        public bool IsStale(long timeMs, long maxAgeMs) => HasQuote && timeMs - LastCloseTimeMs > maxAgeMs;

        // The volume test is written so that NaN volume is not tradable.
        public bool IsTradableAt(long timeMs) =>
            LastCloseTimeMs == timeMs && !LastFlat && LastVolume > 0 && LastClose.Raw > 0;
    }
}
