using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Synthetic;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Replay.Sources;

/// <summary>
/// Serves the seeded synthetic stablecoin series (<see cref="SyntheticPegSeries"/>) as a candle source: the embedded
/// default for backtests that need no data files. Its <see cref="EstimatedCount"/> is exact.
/// </summary>
public sealed class SyntheticCandleSource : HistoricalSource
{
    private readonly SyntheticPegOptions options;
    private IEnumerator<Candle>? candles;

    /// <summary>Creates the source; the options are checked at once.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public SyntheticCandleSource(Instrument instrument, SyntheticPegOptions options)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(options);
        Instrument = instrument;
        this.options = options;
        candles = SyntheticPegSeries.Generate(instrument, options).GetEnumerator();
    }

    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Candles;

    /// <inheritdoc />
    public override string Description =>
        $"synthetic peg candles seed {options.Seed}, {options.Bars} x 1m from {UnixTime.ToIso(options.StartMs)} ({Instrument.Id} 1m)";

    /// <inheritdoc />
    public override Instrument Instrument { get; }

    /// <summary>Gets the number of bars the options ask for.</summary>
    public override long? EstimatedCount => options.Bars;

    /// <inheritdoc />
    public override int ReadCandles(List<Candle> into, int max)
    {
        CheckRead(into, max, SourceKind.Candles);
        var added = 0;
        while (added < max && candles is not null)
        {
            if (!candles.MoveNext())
            {
                candles.Dispose();
                candles = null;
                break;
            }

            into.Add(candles.Current);
            Quality.RowsRead++;
            Quality.RowsAccepted++;
            added++;
        }

        return added;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            candles?.Dispose();
            candles = null;
        }

        base.Dispose(disposing);
    }
}
