using ActorArb.Actors.Persistence;

namespace ActorArb.Actors.Tests.Persistence;

public sealed class EventIdsSpecs
{
    [Fact]
    public void EventIds_should_be_stable_and_distinct_across_streams_and_sequences()
    {
        var ids = new HashSet<Guid>();
        foreach (var stream in new[] { "a", "b", "backtest/candles/kraken:USDC/USD", "backtest/risk" })
        {
            for (var i = 1; i <= 10_000; i++)
            {
                Assert.True(ids.Add(EventIds.For(stream, i)));
            }
        }

        Assert.Equal(EventIds.For("backtest/risk", 7), EventIds.For("backtest/risk", 7));
        Assert.Equal(EventIds.For("backtest/risk", 7), EventIds.For(EventIds.Seed("backtest/risk"), 7));
    }

    [Fact]
    public void EventIds_should_keep_the_values_stored_events_already_carry()
    {
        // Computed independently (Python: sha256 of the name's UTF-16LE bytes, first 8 bytes, then the big-endian
        // sequence). A change here would make replays and retries write stored events a second time.
        Assert.Equal(Guid.Parse("ed9be3d4-24bf-5175-0000-000000000007"), EventIds.For("backtest/risk", 7));
        Assert.Equal(Guid.Parse("8536b23c-3de1-4df0-0000-010000000003"), EventIds.For("é/\U0001F600", (1L << 40) + 3));
    }

    [Fact]
    public void EventIds_of_one_stream_should_sort_in_sequence_order_in_the_byte_order_PostgreSQL_compares()
    {
        var seed = EventIds.Seed("backtest/candles/kraken:USDC/USD");
        long[] sequences = [.. Enumerable.Range(0, 70_000).Select(i => (long)i), 1L << 32, (1L << 32) + 1, 1L << 40, long.MaxValue];

        var bytes = sequences.Select(s => EventIds.For(seed, s).ToByteArray(bigEndian: true)).ToArray();

        for (var i = 1; i < bytes.Length; i++)
        {
            Assert.True(bytes[i - 1].AsSpan().SequenceCompareTo(bytes[i]) < 0, $"id of {sequences[i - 1]} sorts before that of {sequences[i]}");
        }

        var prefix = bytes[0][..8];
        Assert.All(bytes, b => Assert.Equal(prefix, b[..8]));
        Assert.NotEqual(prefix, EventIds.For("backtest/candles/kraken:USDC/USDT", 0).ToByteArray(bigEndian: true)[..8]);
    }
}
