using ActorArb.Domain.Optimization;

namespace ActorArb.Domain.Tests.Optimization;

public sealed class TickRangeIndexSpecs
{
    [Theory]
    [InlineData(1, 300)]
    [InlineData(2, 5_000)]
    [InlineData(3, 70_000)]
    [InlineData(4, 9_000_000)]
    public void Index_should_answer_every_query_as_a_plain_scan_does(int seed, int spread)
    {
        // 9,000 bars span several superblocks (4,096 bars); a spread above 65,535 ticks takes 32-bit storage.
        var random = new Random(seed);
        var ticks = new int[9_000];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = 100_000 + random.Next(spread);
        }

        var index = TickRangeIndex.Create(ticks);
        for (var q = 0; q < 3_000; q++)
        {
            var from = random.Next(ticks.Length);
            var to = from + 1 + random.Next(Math.Min(ticks.Length - from, q % 2 == 0 ? 100 : ticks.Length));
            var threshold = 100_000 + random.Next(-10, spread + 10);
            Assert.Equal(Naive(ticks, from, t => t <= threshold), index.FirstAtMost(from, threshold));
            Assert.Equal(Naive(ticks, from, t => t >= threshold), index.FirstAtLeast(from, threshold));
            Assert.Equal(ticks[from..to].Min(), index.Min(from, to));
            Assert.Equal(ticks[from..to].Max(), index.Max(from, to));
            var drop = index.DeepestDrop(from, to);
            Assert.Equal(NaiveDeepestRatio(ticks, from, to), (decimal)drop.Trough / drop.Peak);
            Assert.True(IsDrop(ticks, from, to, drop), $"({drop.Peak}, {drop.Trough}) is not a fall inside [{from}, {to})");
        }

        Assert.Equal(ticks.Length, index.FirstAtMost(0, int.MinValue));
        Assert.Equal(ticks.Length, index.FirstAtLeast(0, int.MaxValue));
        Assert.Equal(0, index.FirstAtMost(0, int.MaxValue));
        Assert.Equal(0, index.FirstAtLeast(0, int.MinValue));
        Assert.Equal(ticks.Length, index.FirstAtMost(ticks.Length, int.MaxValue));
    }

    private static int Naive(int[] ticks, int from, Func<int, bool> hit)
    {
        for (var i = from; i < ticks.Length; i++)
        {
            if (hit(ticks[i]))
            {
                return i;
            }
        }

        return ticks.Length;
    }

    private static decimal NaiveDeepestRatio(int[] ticks, int from, int to)
    {
        var best = 1m;
        var peak = ticks[from];
        for (var i = from; i < to; i++)
        {
            peak = Math.Max(peak, ticks[i]);
            best = Math.Min(best, (decimal)ticks[i] / peak);
        }

        return best;
    }

    private static bool IsDrop(int[] ticks, int from, int to, TickRangeIndex.Drop drop)
    {
        for (var p = from; p < to; p++)
        {
            if (ticks[p] == drop.Peak)
            {
                for (var t = p; t < to; t++)
                {
                    if (ticks[t] == drop.Trough)
                    {
                        return true;
                    }
                }
            }
        }

        return drop.Peak == drop.Trough;
    }
}
