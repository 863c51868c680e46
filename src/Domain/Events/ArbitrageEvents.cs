using ActorArb.Domain.Market;

namespace ActorArb.Domain.Events;

/// <summary>
/// A spread arbitrage bought on the cheap venue and sold the same quantity on the dear venue at one evaluated
/// time. The two legs follow as <see cref="OrderFilled"/> events with <see cref="OrderFilled.OrderId"/> equal to
/// <paramref name="Sequence"/>, the buy first.
/// </summary>
/// <param name="TimeMs">The evaluated time: the close time of both legs' candles.</param>
/// <param name="StrategyId">The strategy's id.</param>
/// <param name="Sequence">The arbitrage's number, 1 for the first, increasing by one.</param>
/// <param name="BuyLeg">The venue bought on (the cheaper one).</param>
/// <param name="SellLeg">The venue sold on (the dearer one).</param>
/// <param name="Quantity">The base units bought on one venue and sold on the other.</param>
/// <param name="BuyClose">The buy leg's candle close the decision used.</param>
/// <param name="SellClose">The sell leg's candle close the decision used.</param>
/// <param name="BuyFillPrice">The buy fill price: <c>BuyClose * (1 + slippage)</c>.</param>
/// <param name="SellFillPrice">The sell fill price: <c>SellClose * (1 - slippage)</c>.</param>
/// <param name="BuyFee">The buy leg's fee in quote currency.</param>
/// <param name="SellFee">The sell leg's fee in quote currency.</param>
/// <param name="NetPnl">The sale's net proceeds minus the purchase's cost, fees included: the cash the arbitrage made.</param>
/// <param name="NetEdgeBps">The decision's net edge in basis points, after fees and the slippage buffer.</param>
public sealed record ArbitrageExecuted(
    long TimeMs,
    string StrategyId,
    long Sequence,
    InstrumentId BuyLeg,
    InstrumentId SellLeg,
    double Quantity,
    Price BuyClose,
    Price SellClose,
    double BuyFillPrice,
    double SellFillPrice,
    double BuyFee,
    double SellFee,
    double NetPnl,
    double NetEdgeBps) : IDomainEvent;
