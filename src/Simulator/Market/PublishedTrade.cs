using System.Globalization;
using ActorArb.Domain.Market;

namespace ActorArb.Simulator.Market;

/// <summary>
/// A trade as the simulated exchange published it: its numeric wire id, its time in milliseconds and as a strictly
/// increasing nanosecond stamp (Kraken's REST cursor), its price, its size both as the source's double and as the exact
/// decimal the wire formats print, its aggressor side, and its 1-based position in the feed.
/// </summary>
internal readonly record struct PublishedTrade(
    long Id,
    long TimeMs,
    long TimeNs,
    Price Price,
    decimal Size,
    double SizeValue,
    Side Aggressor,
    long Ordinal)
{
    /// <summary>Returns the trade as a normalised tick whose trade id is the wire id.</summary>
    public TradeTick ToTick(InstrumentId instrument) =>
        new(instrument, TimeMs, Price, SizeValue, Aggressor, Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Returns the side of the resting (maker) order, which Coinbase reports as a trade's side.</summary>
    public Side MakerSide => Aggressor == Side.Buy ? Side.Sell : Side.Buy;
}
