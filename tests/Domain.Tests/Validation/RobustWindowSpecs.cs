using ActorArb.Domain.Tests.Market;
using ActorArb.Domain.Validation;

namespace ActorArb.Domain.Tests.Validation;

public sealed class RobustWindowSpecs
{
    [Theory]
    [InlineData(5, 3)]
    [InlineData(6, 3)]
    [InlineData(60, 7)]
    [InlineData(61, 1000)]
    public void Window_should_give_the_median_and_deviations_a_sort_of_the_last_values_gives(int capacity, int distinct)
    {
        // Few distinct values make ties, the hard case for the sorted array and the outward merge.
        var random = new SeededRandom(7);
        var window = new RobustWindow(capacity);
        var values = new List<double>();
        for (var i = 0; i < 2_000; i++)
        {
            var value = random.Next(distinct) * 0.0001;
            values.Add(value);
            window.Add(value);
            var last = values.TakeLast(capacity).Order().ToArray();
            var median = MedianOf(last);

            Assert.Equal(last.Length, window.Count);
            Assert.Equal(median, window.Median());
            Assert.Equal(MedianOf([.. last.Select(v => Math.Abs(v - median)).Order()]), window.MedianAbsoluteDeviation(median));
            Assert.Equal(last.Sum(v => Math.Abs(v - median)) / last.Length, window.MeanAbsoluteDeviation(median), 15);
        }
    }

    private static double MedianOf(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
