using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;

namespace ActorArb.Simulator;

/// <summary>
/// One market the simulator plays back: a venue (<c>coinbase</c>, <c>kraken</c> or <c>binance</c>), a normalised
/// symbol such as <c>USDC/USD</c>, and its trades, either a tick CSV file (header
/// <c>timestamp_utc_ms,trade_id,price,qty,taker_side</c>, read with <c>CsvTickSource</c>) or ticks in memory.
/// </summary>
/// <remarks>
/// The simulator serves each trade under a numeric wire id: the file's <c>trade_id</c> when it is a plain decimal
/// number greater than the previous trade's wire id (the normal, contiguous case), otherwise the previous wire id plus
/// one. The instrument of in-memory ticks is ignored; every trade is re-stamped with this feed's venue and symbol.
/// </remarks>
/// <param name="Venue">The venue whose protocols serve the feed.</param>
/// <param name="Symbol">The normalised symbol, <c>BASE/QUOTE</c> upper case.</param>
/// <param name="Path">The tick file, or null when <paramref name="Ticks"/> are given.</param>
/// <param name="Ticks">The ticks in time order, or null when <paramref name="Path"/> is given.</param>
/// <param name="FileOptions">How to read the file (bad rows, time window, repeated passes for long benchmarks); null for the defaults.</param>
public sealed record SimulatorFeed(
    string Venue,
    string Symbol,
    string? Path = null,
    IReadOnlyList<TradeTick>? Ticks = null,
    CsvSourceOptions? FileOptions = null)
{
    /// <summary>Returns a feed that plays back a tick CSV file.</summary>
    public static SimulatorFeed FromFile(string venue, string symbol, string path, CsvSourceOptions? options = null) =>
        new(venue, symbol, Path: path, FileOptions: options);

    /// <summary>Returns a feed that plays back ticks held in memory, in list order.</summary>
    public static SimulatorFeed FromTicks(string venue, string symbol, IReadOnlyList<TradeTick> ticks) => new(venue, symbol, Ticks: ticks);

    /// <summary>Gets the instrument the feed's trades are published under.</summary>
    public InstrumentId Instrument => new(Venue, Symbol);

    /// <summary>Throws when the venue is unknown, the symbol is not <c>BASE/QUOTE</c>, or not exactly one source is given.</summary>
    /// <exception cref="ArgumentException">The feed is invalid.</exception>
    public void Validate()
    {
        if (!SimulatorFlavours.Venues.Contains(Venue))
        {
            throw new ArgumentException($"Simulator feed venue \"{Venue}\" is not one of {string.Join(", ", SimulatorFlavours.Venues)}.", nameof(Venue));
        }

        var slash = Symbol.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == Symbol.Length - 1 || Symbol != Symbol.ToUpperInvariant() || Symbol.IndexOf('/', slash + 1) >= 0)
        {
            throw new ArgumentException($"Simulator feed symbol \"{Symbol}\" is not a normalised BASE/QUOTE symbol.", nameof(Symbol));
        }

        if ((Path is null) == (Ticks is null))
        {
            throw new ArgumentException($"Simulator feed {Instrument} needs exactly one of a file path or in-memory ticks.", nameof(Path));
        }

        if (FileOptions is not null && Path is null)
        {
            throw new ArgumentException($"Simulator feed {Instrument} has file options but no file.", nameof(FileOptions));
        }
    }
}
