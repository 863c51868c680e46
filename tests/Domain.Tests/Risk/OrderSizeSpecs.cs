using System.Text.Json;
using ActorArb.Domain.Events;

namespace ActorArb.Domain.Tests.Risk;

public sealed class OrderSizeSpecs
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.0000000000000002)]
    [InlineData(double.NaN)]
    public void AllCash_should_refuse_a_fraction_outside_zero_to_one(double fraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderSize.AllCash(fraction));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.PositiveInfinity)]
    public void Units_should_refuse_a_quantity_that_is_not_positive_and_finite(double quantity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderSize.Units(quantity));
    }

    [Fact]
    public void OrderSize_should_round_trip_through_json_with_its_kind()
    {
        OrderSize[] sizes = [new OrderSize.AllCash(0.5), new OrderSize.AllPosition(), new OrderSize.Units(3)];

        var json = JsonSerializer.Serialize(sizes);
        var back = JsonSerializer.Deserialize<OrderSize[]>(json);

        Assert.Equal(sizes, back);
        Assert.Contains("\"$size\":\"all-cash\"", json, StringComparison.Ordinal);
    }
}
