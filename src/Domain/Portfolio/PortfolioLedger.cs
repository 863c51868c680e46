using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Portfolio;

/// <summary>
/// A spot account: cash, a position per instrument, realised PnL and round-trip trades, evolved by
/// <see cref="Apply"/> (fills) and <see cref="Mark"/> (prices).
/// </summary>
/// <remarks>
/// <para>A class with explicit state rather than an immutable record: replay applies a mark per bar and
/// copying the holdings each time would dominate the cost. (Named ledger, not Portfolio, so that code in
/// <c>…Portfolio</c> namespaces can still name the type.)</para>
/// <para>Money arithmetic keeps the reference order: <c>cash = cash + cashDelta</c> (a buy of the whole cash
/// leaves exactly +0.0), <c>units = units + quantity</c>, <c>units = units - quantity</c>, and
/// <see cref="Equity"/> starts from cash and adds <c>units * mark</c> only for non-zero holdings, in the
/// order instruments were first seen. So with one instrument, flat gives exactly the cash and long with no
/// cash gives exactly <c>units * close</c>.</para>
/// </remarks>
public sealed partial class PortfolioLedger
{
    private readonly List<Position> _positions = [];
    private readonly Dictionary<InstrumentId, Position> _byInstrument = [];
    private readonly List<Trade> _closed = [];

    /// <summary>Creates a ledger holding only cash.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cash is negative or not finite.</exception>
    public PortfolioLedger(double initialCash)
    {
        if (!(initialCash >= 0 && double.IsFinite(initialCash)))
        {
            throw new ArgumentOutOfRangeException(nameof(initialCash), initialCash, "initial cash must be finite and >= 0");
        }

        InitialCash = initialCash;
        Cash = initialCash;
    }

    /// <summary>Returns the cash the ledger started with.</summary>
    public double InitialCash { get; }

    /// <summary>Returns the cash in quote currency.</summary>
    public double Cash { get; private set; }

    /// <summary>Returns the profit and loss locked in by sells (proceeds minus the cost basis sold), fees included.</summary>
    public double RealisedPnl { get; private set; }

    /// <summary>Returns every fee paid so far.</summary>
    public double FeesPaid { get; private set; }

    /// <summary>Returns the round trips that have closed, oldest first.</summary>
    public IReadOnlyList<Trade> ClosedTrades => _closed;

    /// <summary>Returns the number of entries: closed round trips plus open positions.</summary>
    public int EntryCount
    {
        get
        {
            var open = 0;
            foreach (var position in _positions)
            {
                open += position.Units > 0 ? 1 : 0;
            }

            return _closed.Count + open;
        }
    }

    /// <summary>Returns true when any position is open.</summary>
    public bool HasPosition
    {
        get
        {
            foreach (var position in _positions)
            {
                if (position.Units != 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Returns cash plus every non-zero position at its mark, with no exit fee.</summary>
    public double Equity
    {
        get
        {
            var equity = Cash;
            foreach (var position in _positions)
            {
                if (position.Units != 0)
                {
                    equity += position.Units * position.MarkValue;
                }
            }

            return equity;
        }
    }

    /// <summary>Returns the base units held in <paramref name="instrument"/> (0 when never traded).</summary>
    public double PositionOf(InstrumentId instrument) =>
        _byInstrument.TryGetValue(instrument, out var position) ? position.Units : 0;

    /// <summary>Returns the holding in <paramref name="instrument"/>, all zero when never traded or marked.</summary>
    public Holding HoldingOf(InstrumentId instrument) =>
        _byInstrument.TryGetValue(instrument, out var position)
            ? new Holding(instrument, position.Units, position.CostBasis, position.Mark)
            : new Holding(instrument, 0, 0, Price.Zero);

    /// <summary>Returns every instrument traded or marked, in the order first seen.</summary>
    public IEnumerable<Holding> Holdings =>
        _positions.Select(p => new Holding(p.Instrument, p.Units, p.CostBasis, p.Mark));

    /// <summary>Sets the latest price of <paramref name="instrument"/>, used by <see cref="Equity"/>.</summary>
    public void Mark(InstrumentId instrument, Price price)
    {
        var position = PositionFor(instrument);
        position.Mark = price;
    }

    /// <summary>Returns the equity curve point for <paramref name="timeMs"/> at the current marks.</summary>
    public EquityPoint Point(long timeMs) => new(timeMs, Equity, HasPosition);

    /// <summary>Returns the valuation event for <paramref name="timeMs"/> at the current marks.</summary>
    public PortfolioValued Valued(long timeMs) => new(timeMs, Cash, Equity, RealisedPnl);

    /// <summary>
    /// Returns the value of a single-instrument account holding <paramref name="cash"/> and <paramref name="units"/> at
    /// <paramref name="price"/>: <c>cash + units * price</c>. The strategy, the risk manager, the portfolio and the
    /// optimizer's simulation all value an account through here, so the actor graph and the simulation agree bit for bit.
    /// </summary>
    public static double ValueOf(double cash, double units, Price price) => cash + units * price.ToDouble();

    /// <summary>
    /// Returns the equity point of a single-instrument account at <paramref name="bar"/>'s close, valued at that bar's
    /// own close (later marks must not leak into an earlier bar's point): exactly the cash when flat and
    /// <c>units * close</c> when all in (<c>0.0 + x == x</c>). The replay's portfolio and the optimizer's simulation
    /// both take their points from here, so their curves agree bit for bit.
    /// </summary>
    public EquityPoint PointAt(in Candle bar)
    {
        var units = PositionOf(bar.Instrument);
        return new EquityPoint(bar.CloseTimeMs, ValueOf(Cash, units, bar.Close), units != 0);
    }

    private Position PositionFor(InstrumentId instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (!_byInstrument.TryGetValue(instrument, out var position))
        {
            position = new Position(instrument);
            _byInstrument.Add(instrument, position);
            _positions.Add(position);
        }

        return position;
    }
}
