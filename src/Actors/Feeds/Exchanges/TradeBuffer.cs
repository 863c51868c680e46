using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// Collects the trades of one frame into an array sized to fit: a single trade (Binance, Coinbase Exchange) costs
/// one one-element array and nothing else.
/// </summary>
internal struct TradeBuffer
{
    private TradeTick[]? _items;
    private int _count;

    /// <summary>Appends a trade.</summary>
    public void Add(in TradeTick trade)
    {
        if (_items is null || _count == _items.Length)
        {
            Array.Resize(ref _items, _items is null ? 1 : Math.Max(4, _items.Length * 2));
        }

        _items[_count++] = trade;
    }

    /// <summary>Reverses the order, for exchanges that list the newest trade first.</summary>
    public readonly void Reverse()
    {
        if (_items is not null)
        {
            Array.Reverse(_items, 0, _count);
        }
    }

    /// <summary>Returns the trades collected, in order.</summary>
    public readonly TradeTick[] ToArray() =>
        _items is null ? [] : _count == _items.Length ? _items : _items[.._count];
}
