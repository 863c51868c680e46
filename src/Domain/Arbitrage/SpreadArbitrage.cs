using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Portfolio;

namespace ActorArb.Domain.Arbitrage;

/// <summary>
/// Cross-exchange spread arbitrage on candles: buys on the venue where the instrument is cheaper and sells the same
/// quantity where it is dearer, when the spread pays both taker fees and a slippage buffer.
/// </summary>
/// <remarks>
/// <para><b>Inventory.</b> Each leg's venue is pre-funded with its own quote cash and base units; nothing is ever
/// transferred. An arbitrage of q units pays quote on the cheap venue and receives q units there, and delivers q
/// units from the dear venue's inventory for quote. The total units stay the same, the cash grows by the edge,
/// and inventory drifts towards the venue that is usually cheaper. There is no rebalancing: once the dear venue
/// runs out of units or the cheap venue out of cash, that direction stops trading.</para>
/// <para><b>Quotes.</b> A leg's quote is the close of its newest candle of <see cref="SpreadOptions.Timeframe"/>.
/// At an evaluated time T a leg is tradable only if that candle closed exactly at T, is not
/// <see cref="CandleFlags.Flat"/>, has volume above zero and a positive close. A leg whose newest candle closed more
/// than <see cref="SpreadOptions.MaxQuoteAgeMs"/> before T is stale: it is not waited for and not traded.</para>
/// <para><b>Timing.</b> The engine keeps a pending time T, the newest close time seen. A candle closing after T
/// first evaluates T (unless already evaluated), then becomes the leg's quote and moves T to its close time. When
/// every leg that is not stale has a candle closing at T, T is evaluated at once (live runs need not wait for the
/// next bar). A candle closing at or before T only replaces its leg's quote when it is newer than the one held and
/// never evaluates a time already passed; a candle of another timeframe or instrument is ignored.
/// <see cref="Flush"/> evaluates the pending time at the end of the data. The same candles in the same order give
/// the same result, bit for bit. Times are evaluated only once every leg has a quote (before that their units
/// cannot be valued); earlier times are warm-up and leave no trace.</para>
/// <para><b>Evaluating T.</b> Every ordered pair (cheap i, dear j) of tradable legs is scored, with
/// <c>buffer = SlippageBufferBps / 1e4</c> and <c>fee = TakerFeeBps / 1e4</c>, as
/// <c>cost = (close_i * (1 + buffer)) * (1 + fee_i)</c>, <c>proceeds = (close_j * (1 - buffer)) * (1 - fee_j)</c>,
/// <c>edge = (proceeds - cost) / cost * 1e4</c> basis points (see <see cref="NetEdgeBps"/>). A pair qualifies when
/// its edge is above 0 and at least <see cref="SpreadOptions.MinEdgeBps"/>; the evaluation is then an opportunity.
/// The quantity is <c>min(MaxUnits, cash_i / (fill_i * (1 + fee_i)), units_j)</c>, further capped by
/// <c>MaxParticipation * volume</c> of each leg's candle when a cap is set; a pair is feasible when that is positive
/// and at least <see cref="SpreadOptions.MinUnits"/>. The feasible qualifying pair with the largest edge trades
/// (ties: the first pair in leg order, i then j), so a depleted best direction does not block another one. At most
/// one arbitrage per evaluated time; while halted, none.</para>
/// <para><b>Fills</b>, with <c>slip = SlippageBps / 1e4</c>, in this operation order:
/// <c>fill_i = close_i * (1 + slip)</c>, <c>fill_j = close_j * (1 - slip)</c>;
/// <c>cost = min((q * fill_i) * (1 + fee_i), cash_i)</c> (the minimum keeps an all-cash buy from overdrawing by an
/// ulp), <c>buyFee = (q * fill_i) * fee_i</c>; <c>proceeds = (q * fill_j) * (1 - fee_j)</c>,
/// <c>sellFee = (q * fill_j) * fee_j</c>; then <c>cash_i = cash_i - cost</c>, <c>units_i = units_i + q</c>,
/// <c>units_j = units_j - q</c>, <c>cash_j = cash_j + proceeds</c> and <c>NetPnl = proceeds - cost</c>. Cash and
/// units never go negative.</para>
/// <para><b>Equity.</b> One point per evaluated time, after its arbitrage:
/// <c>e = 0; for each leg in order: e = e + (cash + units * close)</c> with the leg's newest close (a stale leg's
/// units keep their last mark). <see cref="EquityPoint.InMarket"/> is false: the inventory is working capital, not
/// a position taken on price. <see cref="InitialEquity"/> is the same sum over the initial inventory at the first
/// evaluated time's closes.</para>
/// </remarks>
public sealed partial class SpreadArbitrage
{
    /// <summary>The close time an account shows before its leg's first candle.</summary>
    public const long NoQuoteMs = long.MinValue;

    private readonly LegBook[] _legs;
    private readonly Dictionary<InstrumentId, int> _legIndex;
    private readonly double _bufferUp;
    private readonly double _bufferDown;
    private readonly double _slipUp;
    private readonly double _slipDown;
    private readonly List<EquityPoint> _equity = [];
    private readonly List<Trade> _trades = [];
    private bool _hasPending;
    private long _pendingMs;
    private bool _pendingEvaluated;
    private bool _halted;
    private long _evaluations;
    private long _opportunities;
    private long _executed;
    private long _skippedNoInventory;
    private long _skippedNoVolume;
    private long _skippedHalted;

    /// <summary>Creates an engine holding each leg's initial inventory.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names the config key.</exception>
    public SpreadArbitrage(SpreadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _legs = [.. options.Legs.Select(l => new LegBook(l))];
        _legIndex = [];
        for (var i = 0; i < _legs.Length; i++)
        {
            _legIndex.Add(_legs[i].Instrument, i);
        }

        var buffer = options.SlippageBufferRate;
        var slip = options.SlippageRate;
        _bufferUp = 1 + buffer;
        _bufferDown = 1 - buffer;
        _slipUp = 1 + slip;
        _slipDown = 1 - slip;
    }

    /// <summary>Returns the options.</summary>
    public SpreadOptions Options { get; }

    /// <summary>Returns the equity curve: one point per evaluated time.</summary>
    public IReadOnlyList<EquityPoint> Equity => _equity;

    /// <summary>
    /// Returns one closed trade per arbitrage, oldest first: the instrument is the buy leg, the entry the buy fill
    /// and the exit the sell fill at the same time, cost and proceeds include fees, and Pnl is the arbitrage's NetPnl.
    /// </summary>
    public IReadOnlyList<Trade> Trades => _trades;

    /// <summary>Returns each leg's inventory and quote, in leg order (a fresh snapshot on every call).</summary>
    public IReadOnlyList<SpreadAccount> Accounts =>
        [.. _legs.Select(l => new SpreadAccount(l.Instrument, l.Cash, l.Units, l.LastClose, l.LastCloseTimeMs))];

    /// <summary>Returns the counters so far.</summary>
    public SpreadCounters Counters =>
        new(_evaluations, _opportunities, _executed, _skippedNoInventory, _skippedNoVolume, _skippedHalted);

    /// <summary>Returns the equity of the initial inventory at the first evaluated time's closes; NaN before it.</summary>
    public double InitialEquity { get; private set; } = double.NaN;

    /// <summary>Returns true while trading is halted.</summary>
    public bool IsHalted => _halted;

    /// <summary>
    /// Halts or resumes trading (e.g. on unhealthy live data). Halted evaluations still record equity and count
    /// opportunities, as <see cref="SpreadCounters.SkippedHalted"/>, but never trade.
    /// </summary>
    public void SetHalted(bool halted) => _halted = halted;

    /// <summary>
    /// Takes a candle and appends the events of any time it evaluates: per arbitrage an
    /// <see cref="ArbitrageExecuted"/>, then the buy leg's and the sell leg's <see cref="OrderFilled"/>.
    /// </summary>
    public void OnCandle(in Candle candle, List<IDomainEvent> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (candle.Timeframe != Options.Timeframe || !_legIndex.TryGetValue(candle.Instrument, out var index))
        {
            return;
        }

        var leg = _legs[index];
        var closeMs = candle.CloseTimeMs;
        if (!_hasPending || closeMs > _pendingMs)
        {
            EvaluatePending(output);
            leg.Record(candle);
            _hasPending = true;
            _pendingMs = closeMs;
            _pendingEvaluated = false;
        }
        else if (closeMs > leg.LastCloseTimeMs)
        {
            leg.Record(candle);
        }
        else
        {
            return;
        }

        if (!_pendingEvaluated && IsComplete(_pendingMs))
        {
            EvaluatePending(output);
        }
    }

    /// <summary>Evaluates the pending time if it has not been yet (the end of the data), appending its events.</summary>
    public void Flush(List<IDomainEvent> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        EvaluatePending(output);
    }

    /// <summary>Evaluates the pending time unless there is none or it has been evaluated, appending its events.</summary>
    private void EvaluatePending(List<IDomainEvent> output)
    {
        if (_hasPending && !_pendingEvaluated)
        {
            Evaluate(_pendingMs, output);
            _pendingEvaluated = true;
        }
    }

    /// <summary>Returns true when every leg that is not stale at <paramref name="timeMs"/> has a candle closing then.</summary>
    private bool IsComplete(long timeMs)
    {
        foreach (var leg in _legs)
        {
            if (leg.LastCloseTimeMs != timeMs && !leg.IsStale(timeMs, Options.MaxQuoteAgeMs))
            {
                return false;
            }
        }

        return true;
    }
}
