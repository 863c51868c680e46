using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Synthetic;

namespace ActorArb.Actors.Tests.Replay.Sources;

public sealed class SyntheticCandleSourceSpecs
{
    private static readonly Instrument Usdc = new(new InstrumentId("synthetic", "USDC/USD"), Price.Parse("0.0001"), Price.Parse("1"));

    [Fact]
    public void SyntheticCandleSource_should_serve_the_generated_series_in_batches_with_an_exact_count()
    {
        var options = new SyntheticPegOptions(Seed: 5, Bars: 2_500);
        using var source = new SyntheticCandleSource(Usdc, options);
        var candles = new List<Candle>();

        Assert.Equal(2_500, source.EstimatedCount);
        Assert.Equal(1_000, source.ReadCandles(candles, 1_000));
        Assert.Equal(1_000, source.Position);
        Assert.Equal(1_000, source.ReadCandles(candles, 1_000));
        Assert.Equal(500, source.ReadCandles(candles, 1_000));
        Assert.Equal(0, source.ReadCandles(candles, 1_000));

        Assert.Equal(SyntheticPegSeries.Generate(Usdc, options), candles);
        Assert.Equal(2_500, source.Position);
        Assert.Equal(2_500, source.Quality.RowsAccepted);
        Assert.Equal(SourceKind.Candles, source.Kind);
        Assert.Same(Usdc, source.Instrument);
        Assert.Contains("seed 5", source.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntheticCandleSource_should_refuse_to_read_ticks_and_invalid_options()
    {
        using var source = new SyntheticCandleSource(Usdc, new SyntheticPegOptions(Bars: 10));

        Assert.Throws<InvalidOperationException>(() => source.ReadTicks([], 10));
        Assert.Throws<ArgumentException>(() => new SyntheticCandleSource(Usdc, new SyntheticPegOptions(Bars: -1)));
    }
}
