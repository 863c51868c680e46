using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Market;
using static ActorArb.Domain.Tests.Arbitrage.SpreadTestData;

namespace ActorArb.Domain.Tests.Arbitrage;

public sealed class SpreadOptionsSpecs
{
    [Fact]
    public void Validate_should_accept_two_legs_of_one_symbol_on_different_exchanges()
    {
        Options().Validate();
        Options([Leg(A), Leg(B), Leg(C)]).Validate();
    }

    [Fact]
    public void Validate_should_name_the_leg_and_both_symbols_when_a_symbol_differs()
    {
        var options = Options([Leg(A), Leg(new InstrumentId("kraken", "USDC/USD"))]);

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.StartsWith("spread.legs[1]: kraken:USDC/USD has symbol USDC/USD, expected USDC/USDT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_should_refuse_two_legs_on_the_same_exchange()
    {
        var options = Options([Leg(A), Leg(B), Leg(new InstrumentId("Kraken", "USDC/USDT"))]);

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.StartsWith("spread.legs[2]: exchange Kraken is already legs[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_should_refuse_a_single_leg()
    {
        var error = Assert.Throws<ArgumentException>(Options([Leg(A)]).Validate);

        Assert.StartsWith("spread.legs must list at least 2 legs, got 1", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, SpreadOptions> BadOptions => new()
    {
        { "spread.legs[1].taker-fee-bps", Options([Leg(A), Leg(B, feeBps: -1)]) },
        { "spread.legs[0].taker-fee-bps", Options([Leg(A, feeBps: 10000), Leg(B)]) },
        { "spread.legs[1].initial-cash", Options([Leg(A), Leg(B, cash: double.NaN)]) },
        { "spread.legs[0].initial-cash", Options([Leg(A, cash: double.PositiveInfinity), Leg(B)]) },
        { "spread.legs[1].initial-units", Options([Leg(A), Leg(B, units: -0.5)]) },
        { "spread.slippage-buffer-bps", Options(bufferBps: -1) },
        { "spread.slippage-bps", Options(slippageBps: 10000) },
        { "spread.min-edge-bps", Options(minEdgeBps: -0.1) },
        { "spread.min-edge-bps", Options(minEdgeBps: double.NaN) },
        { "spread.max-units", Options(maxUnits: 0) },
        { "spread.max-units", Options(maxUnits: double.PositiveInfinity) },
        { "spread.min-units", Options(maxUnits: 5, minUnits: 6) },
        { "spread.min-units", Options(minUnits: -1) },
        { "spread.max-quote-age", Options(maxQuoteAgeMs: 0) },
        { "spread.max-participation", Options(maxParticipation: -0.1) },
        { "spread.max-participation", Options(maxParticipation: double.NaN) },
        { "spread.id", Options() with { Id = " " } },
        { "spread.timeframe", Options() with { Timeframe = new Timeframe(0) } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_should_name_the_config_key_when_a_value_is_out_of_range(string key, SpreadOptions options)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.StartsWith(key + " ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpreadArbitrage_should_validate_its_options()
    {
        Assert.Throws<ArgumentException>(() => new SpreadArbitrage(Options(maxUnits: -1)));
    }

    [Fact]
    public void Validate_should_accept_an_infinite_participation_as_no_cap()
    {
        var options = Options(maxParticipation: double.PositiveInfinity);

        options.Validate();

        Assert.False(options.HasParticipationCap);
    }
}
