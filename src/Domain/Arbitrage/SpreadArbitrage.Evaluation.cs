using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Portfolio;

namespace ActorArb.Domain.Arbitrage;

/// <summary>Scoring pairs, sizing and filling an arbitrage, and the equity valuation.</summary>
public sealed partial class SpreadArbitrage
{
    private enum Sizing
    {
        Feasible,
        NoInventory,
        NoVolume,
    }

    /// <summary>
    /// Returns the net edge in basis points of buying at <paramref name="buyClose"/> and selling at
    /// <paramref name="sellClose"/>, after both taker fees and the slippage buffer, in the engine's exact operation
    /// order: <c>cost = (buyClose * (1 + buffer)) * (1 + buyFee)</c>,
    /// <c>proceeds = (sellClose * (1 - buffer)) * (1 - sellFee)</c>, <c>(proceeds - cost) / cost * 10000</c>,
    /// with every rate <c>bps / 10000.0</c>.
    /// </summary>
    public static double NetEdgeBps(Price buyClose, Price sellClose, double buyFeeBps, double sellFeeBps, double slippageBufferBps)
    {
        var buffer = slippageBufferBps / 10000.0;
        return NetEdge(buyClose.ToDouble(), sellClose.ToDouble(), 1 + buffer, 1 - buffer, 1 + (buyFeeBps / 10000.0), 1 - (sellFeeBps / 10000.0));
    }

    private static double NetEdge(double buyClose, double sellClose, double bufferUp, double bufferDown, double buyFeeUp, double sellFeeDown)
    {
        var cost = buyClose * bufferUp * buyFeeUp;
        var proceeds = sellClose * bufferDown * sellFeeDown;
        return (proceeds - cost) / cost * 10000.0;
    }

    private void Evaluate(long timeMs, List<IDomainEvent> output)
    {
        foreach (var leg in _legs)
        {
            if (!leg.HasQuote)
            {
                return;
            }
        }

        _evaluations++;
        if (double.IsNaN(InitialEquity))
        {
            InitialEquity = Valuation();
        }

        TryArbitrage(timeMs, output);
        _equity.Add(new EquityPoint(timeMs, Valuation(), InMarket: false));
    }

    private double Valuation()
    {
        var equity = 0.0;
        foreach (var leg in _legs)
        {
            equity += leg.Cash + (leg.Units * leg.LastClose.ToDouble());
        }

        return equity;
    }

    private void TryArbitrage(long timeMs, List<IDomainEvent> output)
    {
        var opportunity = false;
        var best = (Buy: -1, Sell: -1, Edge: 0.0, Quantity: 0.0);
        var skipEdge = double.NegativeInfinity;
        var skipReason = Sizing.NoInventory;
        for (var i = 0; i < _legs.Length; i++)
        {
            if (!_legs[i].IsTradableAt(timeMs))
            {
                continue;
            }

            for (var j = 0; j < _legs.Length; j++)
            {
                if (j == i || !_legs[j].IsTradableAt(timeMs))
                {
                    continue;
                }

                var edge = NetEdge(_legs[i].LastClose.ToDouble(), _legs[j].LastClose.ToDouble(), _bufferUp, _bufferDown, 1 + _legs[i].FeeRate, 1 - _legs[j].FeeRate);
                if (!(edge > 0 && edge >= Options.MinEdgeBps))
                {
                    continue;
                }

                opportunity = true;
                var (quantity, sizing) = Size(_legs[i], _legs[j]);
                if (sizing == Sizing.Feasible)
                {
                    // Strictly greater: on a tie the earlier pair in leg order keeps the trade.
                    if (best.Buy < 0 || edge > best.Edge)
                    {
                        best = (i, j, edge, quantity);
                    }
                }
                else if (edge > skipEdge)
                {
                    skipEdge = edge;
                    skipReason = sizing;
                }
            }
        }

        if (!opportunity)
        {
            return;
        }

        _opportunities++;
        if (_halted)
        {
            _skippedHalted++;
        }
        else if (best.Buy >= 0)
        {
            Execute(timeMs, best.Buy, best.Sell, best.Edge, best.Quantity, output);
        }
        else if (skipReason == Sizing.NoVolume)
        {
            _skippedNoVolume++;
        }
        else
        {
            _skippedNoInventory++;
        }
    }

    /// <summary>
    /// Returns the quantity for buying on <paramref name="buy"/> and selling on <paramref name="sell"/>. Inventory is
    /// checked before volume, so a pair short of both is skipped for inventory.
    /// </summary>
    private (double Quantity, Sizing Sizing) Size(LegBook buy, LegBook sell)
    {
        var unitCost = buy.LastClose.ToDouble() * _slipUp * (1 + buy.FeeRate);
        var quantity = Math.Min(Options.MaxUnits, Math.Min(buy.Cash / unitCost, sell.Units));
        if (!(quantity > 0 && quantity >= Options.MinUnits))
        {
            return (quantity, Sizing.NoInventory);
        }

        if (Options.HasParticipationCap)
        {
            var byVolume = Math.Min(Options.MaxParticipation * buy.LastVolume, Options.MaxParticipation * sell.LastVolume);
            quantity = Math.Min(quantity, byVolume);
            if (!(quantity > 0 && quantity >= Options.MinUnits))
            {
                return (quantity, Sizing.NoVolume);
            }
        }

        return (quantity, Sizing.Feasible);
    }

    private void Execute(long timeMs, int buyIndex, int sellIndex, double edge, double quantity, List<IDomainEvent> output)
    {
        var buy = _legs[buyIndex];
        var sell = _legs[sellIndex];
        var buyFill = buy.LastClose.ToDouble() * _slipUp;
        var sellFill = sell.LastClose.ToDouble() * _slipDown;
        var buyNotional = quantity * buyFill;
        var cost = Math.Min(buyNotional * (1 + buy.FeeRate), buy.Cash);
        var buyFee = buyNotional * buy.FeeRate;
        var sellNotional = quantity * sellFill;
        var proceeds = sellNotional * (1 - sell.FeeRate);
        var sellFee = sellNotional * sell.FeeRate;

        buy.Cash -= cost;
        buy.Units += quantity;
        sell.Units -= quantity;
        sell.Cash += proceeds;
        var netPnl = proceeds - cost;
        var sequence = ++_executed;

        output.Add(new ArbitrageExecuted(timeMs, Options.Id, sequence, buy.Instrument, sell.Instrument, quantity,
            buy.LastClose, sell.LastClose, buyFill, sellFill, buyFee, sellFee, netPnl, edge));
        output.Add(new OrderFilled(timeMs, sequence, Options.Id, buy.Instrument, Side.Buy, buy.LastClose, buyFill, quantity, buyFee, -cost, Partial: false));
        output.Add(new OrderFilled(timeMs, sequence, Options.Id, sell.Instrument, Side.Sell, sell.LastClose, sellFill, quantity, sellFee, proceeds, Partial: false));
        _trades.Add(new Trade(buy.Instrument, timeMs, buyFill, timeMs, sellFill, quantity, cost, proceeds, buyFee + sellFee, netPnl, netPnl / cost));
    }
}
