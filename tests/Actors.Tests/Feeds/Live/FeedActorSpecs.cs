using ActorArb.Actors.Feeds;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Simulator;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Feeds.Live;

/// <summary>
/// Each exchange's feed against the simulator speaking that exchange's wire format: every published trade reaches the
/// candles exactly once (the candles equal those the same ticks make when aggregated directly), duplicates sent by the
/// exchange are removed, and malformed frames mixed into the stream are counted without losing a valid trade.
/// </summary>
public sealed class FeedActorSpecs(ITestOutputHelper output)
{
    public static TheoryData<string> Flavours => ["coinbase", "coinbase-exchange", "kraken", "kraken-v1", "binance"];

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Feed_should_turn_every_published_trade_into_the_same_candles_as_the_source(string flavour)
    {
        var venue = ExchangeVenue(flavour);
        var instrument = new InstrumentId(venue, "USDC/USD");
        var ticks = SimulatorTicks(instrument, 3_000);
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks(venue, instrument.Symbol, ticks)],
            StartPaused = true,
            TicksPerSecond = 20_000,
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            Faults = new SimulatorFaults { DuplicateFraction = 0.05 },
        });
        await using var harness = FeedHarness.Start(simulator, flavour, instrument);
        await harness.WaitAsync(m => m.Connected, TimeSpan.FromSeconds(20));
        await Task.Delay(200);
        simulator.InjectMalformed(10_000, spread: false);
        simulator.Resume();
        await simulator.PublishedAll;
        await simulator.WhenSentAsync();
        var sent = simulator.Counters;

        var metrics = await harness.WaitAsync(m => m.Routed >= ticks.Count && m.Frames >= sent.MessagesSent, TimeSpan.FromSeconds(30));
        output.WriteLine($"{flavour}: {metrics}; simulator {sent}");

        Assert.Equal(ticks.Count, metrics.Routed);
        Assert.True(metrics.Frames >= sent.MessagesSent, $"{sent.MessagesSent} messages sent, {metrics.Frames} frames counted");
        Assert.True(sent.MalformedMessages >= 1_000, $"the simulator injected {sent.MalformedMessages} malformed messages");
        Assert.True(metrics.Malformed + metrics.Ignored >= sent.MalformedMessages, $"{sent.MalformedMessages} malformed messages sent, {metrics.Malformed} malformed and {metrics.Ignored} ignored counted");
        Assert.True(metrics.Duplicates >= sent.DuplicatedMessages, $"{sent.DuplicatedMessages} trade messages were sent twice, {metrics.Duplicates} duplicate trades removed");
        Assert.Equal(0, metrics.Dropped);
        Assert.Equal(FeedHarness.Direct(instrument, ticks), harness.Finish());
        var stored = await harness.Store.ReadStreamAsync($"live/feeds/{flavour}").ToListAsync();
        Assert.Contains(stored, e => e.Payload is FeedConnectionChanged { Connected: true });
    }

    internal static string ExchangeVenue(string flavour) => flavour.Split('-')[0];

    /// <summary>Ticks a few hundred milliseconds apart over about an hour, with contiguous ids and a cent-wide range of prices.</summary>
    internal static List<TradeTick> SimulatorTicks(InstrumentId instrument, int count)
    {
        var random = new Random(7);
        var ticks = new List<TradeTick>(count);
        var time = 1_678_000_000_000L;
        var price = 10_000;
        for (var i = 0; i < count; i++)
        {
            time += random.Next(1, 2_400);
            price = Math.Clamp(price + random.Next(-3, 4), 9_950, 10_050);
            ticks.Add(new TradeTick(instrument, time, new Price(price * 100_000L), 1 + random.Next(0, 1000) / 100.0, i % 3 == 0 ? Side.Sell : Side.Buy, (81_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return ticks;
    }
}
