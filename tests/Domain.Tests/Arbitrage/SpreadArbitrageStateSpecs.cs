using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using static ActorArb.Domain.Tests.Arbitrage.SpreadTestData;

namespace ActorArb.Domain.Tests.Arbitrage;

public sealed class SpreadArbitrageStateSpecs
{
    private static readonly SpreadOptions Busy = Options(
        [Leg(A, feeBps: 5, cash: 300, units: 300), Leg(B, feeBps: 4, cash: 300, units: 300), Leg(C, feeBps: 6, cash: 300, units: 300)],
        bufferBps: 2, maxUnits: 50, minUnits: 0.5, slippageBps: 1, maxParticipation: 0.5);

    private static readonly List<Candle> Tape = RandomFeed(7, 240);

    /// <summary>Feeds candles [from, to) of the tape, halting trading for the candles in [60, 140).</summary>
    private static void Run(SpreadArbitrage engine, int from, int to, List<IDomainEvent> output)
    {
        for (var i = from; i < to; i++)
        {
            engine.SetHalted(i is >= 60 and < 140);
            engine.OnCandle(Tape[i], output);
        }
    }

    private static (string Events, string State) Uninterrupted()
    {
        var engine = new SpreadArbitrage(Busy);
        var output = new List<IDomainEvent>();
        Run(engine, 0, Tape.Count, output);
        engine.Flush(output);
        return (ToJson(output), ToJson(engine.Export()));
    }

    [Fact]
    public void SpreadArbitrage_should_give_identical_bits_for_the_same_candles()
    {
        var first = Uninterrupted();
        var second = Uninterrupted();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Restore_should_continue_bit_for_bit_from_an_export_at_any_point()
    {
        var expected = Uninterrupted();
        var counters = new SpreadArbitrage(Busy);
        Run(counters, 0, Tape.Count, []);
        Assert.True(counters.Counters.Executed >= 10, $"the tape should make trades: {counters.Counters}");
        Assert.True(counters.Counters.SkippedHalted > 0 && counters.Counters.SkippedNoInventory + counters.Counters.SkippedNoVolume > 0, $"the tape should skip: {counters.Counters}");

        for (var split = 0; split <= Tape.Count; split += 11)
        {
            var before = new SpreadArbitrage(Busy);
            var output = new List<IDomainEvent>();
            Run(before, 0, split, output);

            var restored = SpreadArbitrage.Restore(Busy, FromJson(ToJson(before.Export())));
            Assert.Equal(before.IsHalted, restored.IsHalted);
            Run(restored, split, Tape.Count, output);
            restored.Flush(output);

            Assert.Equal(expected.Events, ToJson(output));
            Assert.Equal(expected.State, ToJson(restored.Export()));
        }
    }

    [Fact]
    public void Restore_should_keep_the_pending_time_and_the_initial_equity()
    {
        var engine = new SpreadArbitrage(Options());
        Feed(engine, Bar(A, T, "1"), Bar(B, T, "1"), Bar(A, T + Minute, "1.01"));

        var restored = SpreadArbitrage.Restore(Options(), FromJson(ToJson(engine.Export())));
        var events = Feed(restored, Bar(B, T + Minute, "1"));

        Assert.Single(events.OfType<ArbitrageExecuted>());
        Assert.Equal(engine.InitialEquity, restored.InitialEquity);
        Assert.Equal([T, T + Minute], restored.Equity.Select(p => p.TimeMs));
        Assert.Equal(2L, restored.Counters.Evaluations);
    }

    [Fact]
    public void Restore_should_keep_the_initial_equity_undefined_before_the_first_evaluation()
    {
        var engine = new SpreadArbitrage(Options());
        Feed(engine, Bar(A, T, "1"));

        var restored = SpreadArbitrage.Restore(Options(), FromJson(ToJson(engine.Export())));

        Assert.True(double.IsNaN(restored.InitialEquity));
        Feed(restored, Bar(B, T, "1"));
        Assert.Equal(4000.0, restored.InitialEquity);
    }

    [Fact]
    public void Restore_should_refuse_a_state_whose_legs_differ_from_the_options()
    {
        var state = new SpreadArbitrage(Options()).Export();

        var reordered = Assert.Throws<ArgumentException>(() => SpreadArbitrage.Restore(Options([Leg(B), Leg(A)]), state));
        var extra = Assert.Throws<ArgumentException>(() => SpreadArbitrage.Restore(Options([Leg(A), Leg(B), Leg(C)]), state));

        Assert.Contains("legs[0] is kraken:USDC/USDT", reordered.Message, StringComparison.Ordinal);
        Assert.Contains("2 legs", extra.Message, StringComparison.Ordinal);
    }
}
