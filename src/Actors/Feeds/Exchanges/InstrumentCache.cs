using System.Collections.Concurrent;
using System.Text;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// Maps the raw symbol bytes of a frame to one shared <see cref="InstrumentId"/> per symbol, so the hot path neither
/// allocates a symbol string nor normalises it again. Bounded: past <see cref="MaxEntries"/> symbols (only a corrupt
/// stream gets there) ids are built without being remembered.
/// </summary>
internal sealed class InstrumentCache
{
    /// <summary>The most symbols remembered.</summary>
    public const int MaxEntries = 4096;

    private const int MaxSymbolLength = 32;

    private readonly string _flavour;
    private readonly string _exchange;
    private readonly ConcurrentDictionary<string, InstrumentId> _byRaw = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InstrumentId>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates an empty cache for the symbols of <paramref name="flavour"/>.</summary>
    public InstrumentCache(string flavour)
    {
        _flavour = flavour;
        _exchange = ExchangeFlavours.VenueOf(flavour);
        _lookup = _byRaw.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Returns the instrument for a raw exchange symbol.</summary>
    public InstrumentId Get(ReadOnlySpan<byte> raw)
    {
        Span<char> chars = stackalloc char[MaxSymbolLength];
        if (raw.IsEmpty || raw.Length > MaxSymbolLength || Ascii.ToUtf16(raw, chars, out var length) != System.Buffers.OperationStatus.Done)
        {
            throw new WireFormatException($"symbol \"{Encoding.UTF8.GetString(raw)}\" is empty, too long or not ASCII");
        }

        if (_lookup.TryGetValue(chars[..length], out var known))
        {
            return known;
        }

        var text = new string(chars[..length]);
        if (!SymbolMap.TryNormalise(_flavour, text, out var symbol))
        {
            throw new WireFormatException($"symbol \"{text}\" cannot be read as BASE/QUOTE");
        }

        var instrument = new InstrumentId(_exchange, symbol);
        if (_byRaw.Count < MaxEntries)
        {
            _byRaw.TryAdd(text, instrument);
        }

        return instrument;
    }
}
