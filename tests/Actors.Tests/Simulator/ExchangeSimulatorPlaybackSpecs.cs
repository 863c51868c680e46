using System.Diagnostics;
using ActorArb.Actors.Tests.Replay.Sources;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;
using ActorArb.Simulator;
using static ActorArb.Actors.Tests.Simulator.SimulatorKit;

namespace ActorArb.Actors.Tests.Simulator;

public sealed class ExchangeSimulatorPlaybackSpecs : IDisposable
{
    private readonly TempCsvFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Playback_should_publish_at_the_configured_rate_with_nobody_connected()
    {
        var clock = Stopwatch.StartNew();
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks("kraken", "BTC/USD", Ticks("kraken", "BTC/USD", 200))],
            TicksPerSecond = 400,
        });

        await sim.PublishedAll.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        Assert.Equal(200, sim.Counters.PublishedTrades[new("kraken", "BTC/USD")]);
    }

    [Fact]
    public async Task Playback_should_follow_the_ticks_own_time_line_at_the_speed_merging_feeds_in_time_order()
    {
        var clock = Stopwatch.StartNew();
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            // 2 s of market time at 4x: about half a second.
            Feeds =
            [
                SimulatorFeed.FromTicks("kraken", "BTC/USD", Ticks("kraken", "BTC/USD", 101, stepMs: 20)),
                SimulatorFeed.FromTicks("binance", "BTC/USDT", Ticks("binance", "BTC/USDT", 41, stepMs: 50)),
            ],
            Speed = 4,
        });

        await sim.PublishedAll.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(5));
        Assert.Equal(StartMs + 2000, sim.MarketTimeMs);
    }

    [Fact]
    public async Task Playback_should_publish_as_fast_as_possible_without_a_pace_and_refuse_steps_while_running()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks("coinbase", "BTC/USD", Ticks("coinbase", "BTC/USD", 50_000, stepMs: 1))],
        });

        Assert.Throws<InvalidOperationException>(() => sim.Step(1));
        await sim.PublishedAll.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(50_000, sim.Published("coinbase", "BTC/USD").Count);
    }

    [Fact]
    public async Task Published_should_keep_plain_increasing_file_ids_and_count_on_from_the_previous_id_otherwise()
    {
        var path = files.Write(
            "ticks.csv",
            CsvTickSource.HeaderPrefix + ",extra",
            "1000,100,1.5,2,buy,x",
            "1000,101,1.5,0.00001,sell,x",
            "1001,abc,1.6,1,buy,x",
            "1002,,1.7,1,buy,x",
            "1003,105,1.8,1,sell,x",
            "1004,104,1.9,1,sell,x");
        await using var sim = await StartPausedAsync(SimulatorFeed.FromFile("binance", "BTC/USDT", path));
        Assert.Equal(4, sim.Step(4));
        Assert.Equal(2, sim.Step(10));
        await sim.PublishedAll.WaitAsync(TimeSpan.FromSeconds(5));
        using var http = new HttpClient();

        var published = sim.Published("binance", "BTC/USDT");
        var served = Parse(await http.GetStringAsync(sim.RestUri("binance") + "/api/v3/trades?symbol=BTCUSDT"));

        Assert.Equal(["100", "101", "102", "103", "105", "106"], published.Select(t => t.TradeId));
        Assert.Equal([1000L, 1000, 1001, 1002, 1003, 1004], published.Select(t => t.TimeMs));
        Assert.All(published, t => Assert.Equal(new InstrumentId("binance", "BTC/USDT"), t.Instrument));
        Assert.Equal("0.00001000", served[1].GetProperty("qty").GetString());
        Assert.Equal("0.00001500", served[1].GetProperty("quoteQty").GetString());
    }

    [Fact]
    public async Task A_file_feed_should_honour_its_read_options_so_a_short_file_can_play_for_longer()
    {
        var path = files.Write("short.csv", CsvTickSource.HeaderPrefix, "1000,7,1.5,2,buy", "1009,8,1.5,1,sell");
        await using var sim = await StartPausedAsync(SimulatorFeed.FromFile("kraken", "USDC/USD", path, new CsvSourceOptions(Repeat: 3)));

        sim.Step(int.MaxValue);

        Assert.Equal(["7", "8", "9", "10", "11", "12"], sim.Published("kraken", "USDC/USD").Select(t => t.TradeId));
        Assert.Equal([1000L, 1009, 1010, 1019, 1020, 1029], sim.Published("kraken", "USDC/USD").Select(t => t.TimeMs));
    }

    [Fact]
    public async Task ShiftTimesToNow_should_move_every_time_by_whole_units_so_the_first_trade_is_just_past()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ticks = Ticks("kraken", "BTC/USD", 10);
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks("kraken", "BTC/USD", ticks)],
            StartPaused = true,
            ShiftTimesToNow = TimeSpan.FromMinutes(1),
        });

        sim.Step(10);
        var published = sim.Published("kraken", "BTC/USD");

        var shift = published[0].TimeMs - ticks[0].TimeMs;
        Assert.Equal(0, shift % 60_000);
        Assert.InRange(published[0].TimeMs, before - 60_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(ticks.Select(t => t.TimeMs + shift), published.Select(t => t.TimeMs));
        Assert.Equal(published[^1].TimeMs, sim.MarketTimeMs);
    }
}
