using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Execution;

/// <summary>
/// Simulated execution of approved market orders for one instrument. Orders wait until their due time
/// (decision + latency) and fill, as takers, at the first price fed at or after it, in submission order.
/// </summary>
/// <remarks>
/// <para>The fill arithmetic keeps the reference operation order bit for bit. Buy with budget N at price p:
/// <c>quantity = N * (1 - fee) / (p * (1 + slip))</c>, cash delta <c>-N</c>, fee reported <c>N * fee</c>.
/// Sell of q: <c>proceeds = q * p * (1 - slip) * (1 - fee)</c> evaluated left to right, fee reported
/// <c>q * p * (1 - slip) * fee</c>.</para>
/// <para>With a participation cap, one price fills at most <c>MaxParticipation * volume</c> base units, shared
/// by the working orders in submission order. A capped buy spends the budget in proportion,
/// <c>spent = N * (cap / quantity)</c>, and keeps the rest working; a capped sell keeps the unsold units
/// working; such fills are flagged partial. Zero volume fills nothing while a cap is on.</para>
/// <para>A class with explicit state (the working orders) because replay feeds it once per bar.</para>
/// </remarks>
public sealed class PaperExecution
{
    private readonly List<WorkingOrder> _working = [];

    /// <summary>Creates an engine for one instrument.</summary>
    /// <exception cref="ArgumentException">The fill model is invalid.</exception>
    public PaperExecution(InstrumentId instrument, FillModel model)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        Instrument = instrument;
        Model = model;
    }

    /// <summary>Returns the instrument this engine fills.</summary>
    public InstrumentId Instrument { get; }

    /// <summary>Returns the fill model.</summary>
    public FillModel Model { get; }

    /// <summary>Returns the number of orders still working (not yet due, or partly filled).</summary>
    public int WorkingCount => _working.Count;

    /// <summary>Accepts an approved order decided at <paramref name="decisionTimeMs"/>; it is due at decision + latency.</summary>
    /// <exception cref="ArgumentException">The order is for another instrument or has nothing to trade.</exception>
    public void Submit(OrderApproved order, long decisionTimeMs)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Intent.Instrument != Instrument)
        {
            throw new ArgumentException($"order {order.OrderId} is for {order.Intent.Instrument}, this engine fills {Instrument}", nameof(order));
        }

        var amount = order.Intent.Side == Side.Buy ? order.Budget : order.Quantity;
        if (!(amount > 0 && double.IsFinite(amount)))
        {
            throw new ArgumentException($"order {order.OrderId} has nothing to {order.Intent.Side}: budget {order.Budget}, quantity {order.Quantity}", nameof(order));
        }

        _working.Add(new WorkingOrder(order, decisionTimeMs + Model.LatencyMs, amount));
    }

    /// <summary>
    /// Feeds a price seen at <paramref name="timeMs"/> with the volume traded there, and appends a fill for
    /// every working order due at or before that time. With zero latency the caller feeds the decision
    /// candle's close at its close time, so orders fill on the bar that decided them.
    /// </summary>
    public void OnPrice(long timeMs, Price price, double volume, List<OrderFilled> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        if (_working.Count == 0)
        {
            return;
        }

        var p = price.ToDouble();
        var fee = Model.TakerFeeRate;
        var slip = Model.SlippageRate;
        var available = Model.HasParticipationCap ? Model.MaxParticipation * volume : double.PositiveInfinity;
        var kept = 0;
        for (var i = 0; i < _working.Count; i++)
        {
            var order = _working[i];
            var done = false;
            if (order.DueMs <= timeMs && available > 0)
            {
                var fill = order.Approved.Intent.Side == Side.Buy
                    ? FillBuy(order, timeMs, price, p, fee, slip, ref available)
                    : FillSell(order, timeMs, price, p, fee, slip, ref available);
                fills.Add(fill);
                done = !fill.Partial;
            }

            if (!done)
            {
                _working[kept++] = order;
            }
        }

        _working.RemoveRange(kept, _working.Count - kept);
    }

    /// <summary>Returns the working orders; <see cref="Restore"/> gives back an engine that fills the same.</summary>
    public PaperExecutionState Export() => new([.. _working.Select(o => new WorkingOrderState(o.Approved, o.DueMs, o.Remaining))]);

    /// <summary>Returns an engine for <paramref name="instrument"/> with <paramref name="model"/> working the orders of <paramref name="state"/>.</summary>
    /// <exception cref="ArgumentException">The fill model is invalid.</exception>
    public static PaperExecution Restore(InstrumentId instrument, FillModel model, PaperExecutionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var engine = new PaperExecution(instrument, model);
        engine._working.AddRange(state.Working.Select(o => new WorkingOrder(o.Approved, o.DueMs, o.Remaining)));
        return engine;
    }

    private static OrderFilled FillBuy(WorkingOrder order, long timeMs, Price price, double p, double fee, double slip, ref double available)
    {
        var fillPrice = p * (1 + slip);
        var quantity = order.Remaining * (1 - fee) / fillPrice;
        var spent = order.Remaining;
        if (quantity > available)
        {
            spent = order.Remaining * (available / quantity);
            quantity = available;
        }

        available -= quantity;
        order.Remaining -= spent;
        return Fill(order, timeMs, price, fillPrice, quantity, spent * fee, -spent);
    }

    private static OrderFilled FillSell(WorkingOrder order, long timeMs, Price price, double p, double fee, double slip, ref double available)
    {
        var quantity = Math.Min(order.Remaining, available);
        var gross = quantity * p * (1 - slip);
        var proceeds = gross * (1 - fee);
        available -= quantity;
        order.Remaining -= quantity;
        return Fill(order, timeMs, price, p * (1 - slip), quantity, gross * fee, proceeds);
    }

    private static OrderFilled Fill(WorkingOrder order, long timeMs, Price price, double fillPrice, double quantity, double fee, double cashDelta)
    {
        var intent = order.Approved.Intent;
        return new OrderFilled(timeMs, order.Approved.OrderId, intent.StrategyId, intent.Instrument, intent.Side, price,
            fillPrice, quantity, fee, cashDelta, Partial: order.Remaining > 0);
    }

    private sealed class WorkingOrder(OrderApproved approved, long dueMs, double remaining)
    {
        public OrderApproved Approved { get; } = approved;

        public long DueMs { get; } = dueMs;

        /// <summary>Gets or sets the budget (buys) or base units (sells) still to fill.</summary>
        public double Remaining { get; set; } = remaining;
    }
}
