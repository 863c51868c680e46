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
    }
}
