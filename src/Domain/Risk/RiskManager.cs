using System.Globalization;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;

namespace ActorArb.Domain.Risk;

/// <summary>
/// Pre-trade checks and trading halts for one account. <see cref="Evaluate"/> judges an intent from its
/// arguments and the halt state; <see cref="OnEquity"/>, <see cref="OnRegime"/>, <see cref="Halt"/> and
/// <see cref="Resume"/> evolve the halt state and report every change as an event.
/// </summary>
/// <remarks>
/// A class with explicit state rather than an immutable record because it sits on the replay hot path (one
/// <see cref="OnEquity"/> per bar). Only orders that add exposure (buys) are checked against limits and
/// halts; sells that reduce a long are always approved, so a halted account can still get out. Spot only:
/// a sell larger than the position is rejected.
/// </remarks>
public sealed partial class RiskManager
{
    private readonly RiskLimits _limits;
    private long _nextOrderId;

    /// <summary>Creates a risk manager.</summary>
    /// <param name="limits">The limits to enforce.</param>
    /// <param name="firstOrderId">The id the first approved order gets; ids then increase by one.</param>
    /// <exception cref="ArgumentException">A limit is invalid.</exception>
    public RiskManager(RiskLimits limits, long firstOrderId = 1)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        _limits = limits;
        _nextOrderId = firstOrderId;
    }

    /// <summary>
    /// Approves or rejects an intent. Buys are sized (all-cash: budget = cash * fraction, so a fraction of 1.0
    /// spends exactly the cash; units: budget = units * mark) and checked against halts and limits; sells are
    /// sized (all-position: exactly the position) and checked only against the position. Approval takes the
    /// next order id; nothing else changes.
    /// </summary>
    public RiskDecision Evaluate(OrderIntent intent, in RiskSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return intent.Side == Side.Buy ? EvaluateBuy(intent, snapshot) : EvaluateSell(intent, snapshot);
    }

    private RiskDecision EvaluateBuy(OrderIntent intent, in RiskSnapshot snapshot)
    {
        if (IsHalted)
        {
            return Reject(intent, $"halted ({HaltReason}): a buy adds exposure");
        }

        if (IsHaltingRegime(snapshot.Regime))
        {
            return Reject(intent, $"halted ({RegimeNames.ToWire(snapshot.Regime)} regime): a buy adds exposure");
        }

        var mark = snapshot.Mark.ToDouble();
        double budget;
        switch (intent.Size)
        {
            case OrderSize.AllCash all:
                budget = snapshot.Cash * all.Fraction;
                break;
            case OrderSize.Units units when snapshot.Mark > Price.Zero:
                budget = units.Quantity * mark;
                break;
            case OrderSize.Units:
                return Reject(intent, $"no mark price to size a buy of units (mark {snapshot.Mark})");
            default:
                return Reject(intent, "all-position sizes a sell, not a buy");
        }

        if (!(budget > 0))
        {
            return Reject(intent, $"no cash to spend: cash {Num(snapshot.Cash)}");
        }

        if (budget > snapshot.Cash)
        {
            return Reject(intent, $"budget {Num(budget)} > cash {Num(snapshot.Cash)}");
        }

        if (budget > _limits.MaxNotional)
        {
            return Reject(intent, $"notional {Num(budget)} > max-notional {Num(_limits.MaxNotional)}");
        }

        if (double.IsFinite(_limits.MaxPositionUnits) || _limits.MaxEquityFraction < 1)
        {
            if (!(snapshot.Mark > Price.Zero))
            {
                return Reject(intent, $"no mark price to check position limits (mark {snapshot.Mark})");
            }

            var after = snapshot.Position + budget / mark;
            if (after > _limits.MaxPositionUnits)
            {
                return Reject(intent, $"position {Num(after)} > max-position {Num(_limits.MaxPositionUnits)}");
            }

            // A spot account cannot hold more than its equity, so a share limit of 1 is checked only below 1.
            if (_limits.MaxEquityFraction < 1)
            {
                var share = snapshot.Equity > 0 ? (snapshot.Position * mark + budget) / snapshot.Equity : double.PositiveInfinity;
                if (share > _limits.MaxEquityFraction)
                {
                    return Reject(intent, $"equity-fraction {Num(share)} > max-equity-fraction {Num(_limits.MaxEquityFraction)}");
                }
            }
        }

        return RiskDecision.Approve(new OrderApproved(intent.TimeMs, _nextOrderId++, intent, budget, 0));
    }

    private RiskDecision EvaluateSell(OrderIntent intent, in RiskSnapshot snapshot)
    {
        double quantity;
        switch (intent.Size)
        {
            case OrderSize.AllPosition:
                quantity = snapshot.Position;
                break;
            case OrderSize.Units units:
                quantity = units.Quantity;
                break;
            default:
                return Reject(intent, "all-cash sizes a buy, not a sell");
        }

        if (!(snapshot.Position > 0))
        {
            return Reject(intent, $"no position to sell: position {Num(snapshot.Position)}");
        }

        if (quantity > snapshot.Position)
        {
            return Reject(intent, $"sell {Num(quantity)} > position {Num(snapshot.Position)}: spot cannot go short");
        }

        return RiskDecision.Approve(new OrderApproved(intent.TimeMs, _nextOrderId++, intent, 0, quantity));
    }

    private static RiskDecision Reject(OrderIntent intent, string reason) =>
        RiskDecision.Reject(new OrderRejected(intent.TimeMs, intent, reason));

    private bool IsHaltingRegime(Regime regime) =>
        (regime == Regime.FlashCrash && _limits.HaltOnFlashCrash) || (regime == Regime.Depeg && _limits.HaltOnDepeg);

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);
}
