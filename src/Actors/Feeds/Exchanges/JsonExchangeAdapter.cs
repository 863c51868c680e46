using System.Text.Json;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// What every adapter shares: the flavour's names, the instrument cache, and the guarantee that
/// <see cref="Parse"/> never throws (JSON errors and protocol violations become <see cref="Malformed"/>).
/// </summary>
internal abstract class JsonExchangeAdapter : IExchangeAdapter
{
    protected JsonExchangeAdapter(string flavour, Uri defaultEndpoint)
    {
        Flavour = flavour;
        Exchange = ExchangeFlavours.VenueOf(flavour);
        DefaultEndpoint = defaultEndpoint;
        Instruments = new InstrumentCache(flavour);
    }

    /// <inheritdoc />
    public string Flavour { get; }

    /// <inheritdoc />
    public string Exchange { get; }

    /// <inheritdoc />
    public Uri DefaultEndpoint { get; }

    /// <inheritdoc />
    public virtual string? PingMessage => null;

    /// <summary>Returns the instruments seen in this flavour's frames.</summary>
    protected InstrumentCache Instruments { get; }

    /// <inheritdoc />
    public virtual Uri ConnectUri(Uri endpoint, IReadOnlyList<string> symbols) => endpoint;

    /// <inheritdoc />
    public abstract IReadOnlyList<string> SubscribeMessages(IReadOnlyList<string> symbols);

    /// <inheritdoc />
    public FeedMessage Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return new Malformed("empty frame", string.Empty);
        }

        try
        {
            return ParseFrame(utf8);
        }
        catch (JsonException e)
        {
            return new Malformed($"invalid JSON: {e.Message}", WireJson.Sample(utf8));
        }
        catch (WireFormatException e)
        {
            return new Malformed(e.Message, WireJson.Sample(utf8));
        }
#pragma warning disable CA1031 // The feed must survive any frame; a parser bug shows up as a counted Malformed with its sample.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Malformed($"{e.GetType().Name}: {e.Message}", WireJson.Sample(utf8));
        }
    }

    /// <summary>Reads one frame; may throw <see cref="JsonException"/> or <see cref="WireFormatException"/>.</summary>
    protected abstract FeedMessage ParseFrame(ReadOnlySpan<byte> utf8);

    /// <summary>Returns the exchange's symbols for normalised ones, refusing an empty list.</summary>
    protected IReadOnlyList<string> ExchangeSymbols(IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0)
        {
            throw new ArgumentException("at least one symbol is needed", nameof(symbols));
        }

        return symbols.Select(s => SymbolMap.ToExchange(Flavour, s)).ToArray();
    }
}
