using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using static ActorArb.Domain.Tests.Arbitrage.SpreadTestData;

namespace ActorArb.Domain.Tests.Arbitrage;

public sealed class SpreadArbitragePropertySpecs
{
    public static TheoryData<ulong> Seeds => [.. Enumerable.Range(1, 24).Select(i => (ulong)i)];

    private static SpreadOptions RandomOptions(ulong seed)
    {
        var random = new Market.SeededRandom(seed * 7919);
        double Fee() => random.Next(11);
        double Money() => random.Next(4) == 0 ? 0 : 20 + (random.NextDouble() * 400);
        var buffer = 1 + random.Next(6);
        return Options(
            [new SpreadLeg(A, Fee(), Money(), Money()), new SpreadLeg(B, Fee(), Money(), Money()), new SpreadLeg(C, Fee(), Money(), Money())],
            bufferBps: buffer,
            minEdgeBps: 0.01 + random.Next(3),
            maxUnits: 5 + (random.NextDouble() * 100),
            minUnits: random.Next(3) == 0 ? 0 : random.NextDouble(),
            maxQuoteAgeMs: (1 + random.Next(3)) * Minute,
            slippageBps: random.Next(buffer + 1),
            maxParticipation: random.Next(2) == 0 ? 0 : random.NextDouble());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SpreadArbitrage_should_conserve_units_and_book_every_fill_exactly(ulong seed)
    {
        var options = RandomOptions(seed);
        var engine = new SpreadArbitrage(options);
        var legs = options.Legs;
        var cash = legs.Select(l => l.InitialCash).ToArray();
        var units = legs.Select(l => l.InitialUnits).ToArray();
        var totalUnits = units.Sum();
        var totalCash = cash.Sum();
        var pnl = 0.0;
        var sequence = 0L;
        var output = new List<IDomainEvent>();

        foreach (var candle in RandomFeed(seed, 400))
        {
            output.Clear();
            engine.OnCandle(candle, output);
            for (var e = 0; e < output.Count; e += 3)
            {
                var executed = Assert.IsType<ArbitrageExecuted>(output[e]);
                var buy = Assert.IsType<OrderFilled>(output[e + 1]);
                var sell = Assert.IsType<OrderFilled>(output[e + 2]);
                Assert.Equal(++sequence, executed.Sequence);
                Assert.Equal((Side.Buy, executed.BuyLeg, executed.Quantity, sequence), (buy.Side, buy.Instrument, buy.Quantity, buy.OrderId));
                Assert.Equal((Side.Sell, executed.SellLeg, executed.Quantity, sequence), (sell.Side, sell.Instrument, sell.Quantity, sell.OrderId));
                Assert.NotEqual(executed.BuyLeg, executed.SellLeg);
                Assert.Equal(executed.NetPnl, buy.CashDelta + sell.CashDelta);
                Assert.InRange(executed.Quantity, Math.Max(options.MinUnits, double.Epsilon), options.MaxUnits);
                Assert.True(executed.NetEdgeBps >= options.MinEdgeBps);

                // The buffer covers the slippage, so every arbitrage makes money.
                Assert.True(executed.NetPnl > 0, $"arbitrage {sequence} lost {executed.NetPnl}");

                var i = IndexOf(legs, buy.Instrument);
                var j = IndexOf(legs, sell.Instrument);
                cash[i] += buy.CashDelta;
                units[i] += buy.Quantity;
                units[j] -= sell.Quantity;
                cash[j] += sell.CashDelta;
                pnl += executed.NetPnl;
            }

            var accounts = engine.Accounts;
            for (var k = 0; k < legs.Count; k++)
            {
                // The fills alone rebuild each account bit for bit: the events are the whole story.
                Assert.Equal(cash[k], accounts[k].Cash);
                Assert.Equal(units[k], accounts[k].Units);
                Assert.True(accounts[k].Cash >= 0 && accounts[k].Units >= 0, $"leg {k} went negative: {accounts[k]}");
            }

            Assert.Equal(totalUnits, accounts.Sum(a => a.Units), totalUnits * 1e-12);
            Assert.Equal(totalCash + pnl, accounts.Sum(a => a.Cash), (totalCash + 1) * 1e-12);
        }

        var counters = engine.Counters;
        Assert.Equal(counters.Opportunities, counters.Executed + counters.SkippedNoInventory + counters.SkippedNoVolume + counters.SkippedHalted);
        Assert.Equal(counters.Evaluations, engine.Equity.Count);
        Assert.Equal(counters.Executed, engine.Trades.Count);
        Assert.Equal(pnl, engine.Trades.Sum(t => t.Pnl), Math.Abs(pnl) * 1e-12);
        Assert.True(engine.Equity.Select(p => p.TimeMs).Zip(engine.Equity.Skip(1).Select(p => p.TimeMs)).All(p => p.First < p.Second), "equity times must increase");
        Assert.All(engine.Equity, p => Assert.False(p.InMarket));
    }

    private static int IndexOf(IReadOnlyList<SpreadLeg> legs, InstrumentId instrument)
    {
        for (var k = 0; k < legs.Count; k++)
        {
            if (legs[k].Instrument == instrument)
            {
                return k;
            }
        }

        throw new InvalidOperationException($"{instrument} is not a leg");
    }
}
