using System.Text.Json;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// The six fields of a Coinbase trade, named alike in Advanced Trade's <c>market_trades</c> and Exchange's matches.
/// The <c>side</c> is the maker's, so the trade's aggressor is the opposite.
/// </summary>
internal ref struct CoinbaseTradeFields
{
    public ReadOnlySpan<byte> Product;
    public ReadOnlySpan<byte> Id;
    public ReadOnlySpan<byte> Price;
    public ReadOnlySpan<byte> Size;
    public ReadOnlySpan<byte> Time;
    public ReadOnlySpan<byte> Side;

    /// <summary>Reads the property the reader is on when it is one of the six; returns false, consuming nothing, otherwise.</summary>
    public bool TryRead(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("product_id"u8))
        {
            Product = WireJson.String(ref reader, "product_id");
        }
        else if (reader.ValueTextEquals("trade_id"u8))
        {
            Id = WireJson.Scalar(ref reader, "trade_id");
        }
        else if (reader.ValueTextEquals("price"u8))
        {
            Price = WireJson.Scalar(ref reader, "price");
        }
        else if (reader.ValueTextEquals("size"u8))
        {
            Size = WireJson.Scalar(ref reader, "size");
        }
        else if (reader.ValueTextEquals("time"u8))
        {
            Time = WireJson.String(ref reader, "time");
        }
        else if (reader.ValueTextEquals("side"u8))
        {
            Side = WireJson.String(ref reader, "side");
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>Returns the trade the fields describe, its instrument from <paramref name="instruments"/>.</summary>
    /// <param name="instruments">The adapter's instrument cache.</param>
    /// <param name="what">What the frame calls a trade (<c>a trade</c>, <c>a match</c>), for the error text.</param>
    /// <exception cref="WireFormatException">A field is missing or does not read.</exception>
    public readonly TradeTick ToTrade(InstrumentCache instruments, string what)
    {
        if (Product.IsEmpty || Id.IsEmpty || Price.IsEmpty || Size.IsEmpty || Time.IsEmpty || Side.IsEmpty)
        {
            throw new WireFormatException($"{what} lacks product_id, trade_id, price, size, time or side");
        }

        return new TradeTick(
            instruments.Get(Product),
            WireValues.IsoToMs(Time),
            WireValues.Price(Price),
            WireValues.Size(Size),
            WireValues.Opposite(WireValues.Side(Side)),
            WireValues.TradeId(Id));
    }
}
