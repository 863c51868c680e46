using System.Text.Json.Serialization;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Events;

/// <summary>
/// How much an order trades, resolved by the risk manager against the portfolio at decision time:
/// <see cref="AllCash"/> for buys, <see cref="AllPosition"/> for sells, <see cref="Units"/> for either.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$size")]
[JsonDerivedType(typeof(AllCash), "all-cash")]
[JsonDerivedType(typeof(AllPosition), "all-position")]
[JsonDerivedType(typeof(Units), "units")]
public abstract record OrderSize
{
    private OrderSize()
    {
    }

    /// <summary>
    /// Spends <see cref="Fraction"/> of the available cash, a number in (0, 1]. A fraction of exactly 1.0 spends
    /// exactly the cash (x * 1.0 == x), which the threshold replay relies on.
    /// </summary>
    public sealed record AllCash : OrderSize
    {
        /// <summary>Creates the size, checking the fraction.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The fraction is not in (0, 1].</exception>
        public AllCash(double fraction)
        {
            if (!(fraction > 0 && fraction <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "AllCash fraction must be in (0, 1].");
            }

            Fraction = fraction;
        }

        /// <summary>Returns the fraction of cash to spend.</summary>
        public double Fraction { get; }
    }

    /// <summary>Sells the whole position in the instrument.</summary>
    public sealed record AllPosition : OrderSize;

    /// <summary>Trades a fixed number of base units, a positive finite number.</summary>
    public sealed record Units : OrderSize
    {
        /// <summary>Creates the size, checking the quantity.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The quantity is not positive and finite.</exception>
        public Units(double quantity)
        {
            if (!(quantity > 0 && double.IsFinite(quantity)))
            {
                throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Units quantity must be positive and finite.");
            }

            Quantity = quantity;
        }

        /// <summary>Returns the number of base units.</summary>
        public double Quantity { get; }
    }
}

/// <summary>A strategy wants to trade; nothing is committed until the risk manager approves it.</summary>
/// <param name="TimeMs">The decision time (the close time of the candle the strategy saw).</param>
/// <param name="StrategyId">The strategy that wants the order.</param>
/// <param name="Instrument">The instrument to trade.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Size">How much to trade.</param>
/// <param name="ReferencePrice">The price the strategy decided on (the candle close).</param>
/// <param name="Reason">Why, in words, e.g. <c>close 0.9973 &lt;= buy 0.9973</c>.</param>
public sealed record OrderIntent(
    long TimeMs,
    string StrategyId,
    InstrumentId Instrument,
    Side Side,
    OrderSize Size,
    Price ReferencePrice,
    string Reason) : IDomainEvent;

/// <summary>The risk manager accepted an intent and resolved its size.</summary>
/// <param name="TimeMs">The decision time.</param>
/// <param name="OrderId">The order's id, unique per risk manager and increasing.</param>
/// <param name="Intent">The intent that was approved.</param>
/// <param name="Budget">For buys, the quote currency to spend (fees included); 0 for sells.</param>
/// <param name="Quantity">For sells, the base units to sell; 0 for buys.</param>
public sealed record OrderApproved(long TimeMs, long OrderId, OrderIntent Intent, double Budget, double Quantity) : IDomainEvent;

/// <summary>The risk manager refused an intent; <see cref="Reason"/> names the limit and the values.</summary>
public sealed record OrderRejected(long TimeMs, OrderIntent Intent, string Reason) : IDomainEvent;

/// <summary>An order (or part of it) was executed.</summary>
/// <param name="TimeMs">The time of the price the order filled at.</param>
/// <param name="OrderId">The approved order's id.</param>
/// <param name="StrategyId">The strategy that wanted the order.</param>
/// <param name="Instrument">The instrument traded.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Price">The market price used.</param>
/// <param name="FillPrice">The price after slippage: price * (1 + slip) for buys, price * (1 - slip) for sells.</param>
/// <param name="Quantity">Base units bought or sold.</param>
/// <param name="Fee">The fee paid in quote currency (for reports; the cash delta already includes it).</param>
/// <param name="CashDelta">The change in cash: minus the budget spent for buys, the net proceeds for sells.</param>
/// <param name="Partial">True when the participation cap left part of the order working.</param>
public sealed record OrderFilled(
    long TimeMs,
    long OrderId,
    string StrategyId,
    InstrumentId Instrument,
    Side Side,
    Price Price,
    double FillPrice,
    double Quantity,
    double Fee,
    double CashDelta,
    bool Partial) : IDomainEvent;

/// <summary>New exposure is refused from now on; risk-reducing orders still pass.</summary>
public sealed record TradingHalted(long TimeMs, string Reason) : IDomainEvent;

/// <summary>Every halt has cleared; new exposure is allowed again.</summary>
public sealed record TradingResumed(long TimeMs, string Reason) : IDomainEvent;

/// <summary>A valuation of the whole portfolio at a mark.</summary>
/// <param name="TimeMs">The valuation time.</param>
/// <param name="Cash">Cash in quote currency.</param>
/// <param name="Equity">Cash plus every position at its mark (no exit fee).</param>
/// <param name="RealisedPnl">Profit and loss locked in by sells so far, fees included.</param>
public sealed record PortfolioValued(long TimeMs, double Cash, double Equity, double RealisedPnl) : IDomainEvent;
