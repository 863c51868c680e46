using ActorArb.Domain.Optimization;

namespace ActorArb.Domain.Tests.Optimization;

public sealed class TickRangeIndexSpecs
{
    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 253)]
    [InlineData(3, 254)]
    [InlineData(4, 5_000)]
    [InlineData(5, 65_533)]
    [InlineData(6, 65_534)]
    [InlineData(7, 9_000_000)]
    public void Index_should_answer_every_query_as_a_plain_scan_does_at_every_width(int seed, int spread)
    {
        // 9,000 bars span several superblocks (4,096 bars) and end inside a block; the spread picks the storage
        // (8-bit up to 253 ticks, 16-bit up to 65,533, else 32-bit) and both ends of it occur.
        var random = new Random(seed);
        var ticks = new int[9_000];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = 100_000 + random.Next(spread + 1);
        }

        ticks[random.Next(ticks.Length)] = 100_000;
        ticks[random.Next(ticks.Length)] = 100_000 + spread;
        foreach (var width in Enum.GetValues<ScanWidth>())
        {
            var index = TickRangeIndex.Create(ticks, width);
            var queries = new Random(seed);
            for (var q = 0; q < 1_000; q++)
            {
                var from = q % 10 == 0 ? ticks.Length - 1 - queries.Next(200) : queries.Next(ticks.Length);
                var threshold = 100_000 + queries.Next(-10, spread + 10);
                Assert.Equal(Naive(ticks, from, t => t <= threshold), index.FirstAtMost(from, threshold));
                var passage = index.FirstAtLeast(from, threshold);
                var at = Naive(ticks, from, t => t >= threshold);
                Assert.Equal(at, passage.At);
                Assert.Equal(at > from ? ticks[from..at].Min() : int.MaxValue, passage.Min);
                Assert.Equal(at > from ? ticks[from..at].Max() : int.MinValue, passage.Max);

                var to = from + 1 + queries.Next(Math.Min(ticks.Length - from, q % 2 == 0 ? 100 : ticks.Length));
                var drop = index.DeepestDrop(from, to);
                Assert.Equal(NaiveDeepestRatio(ticks, from, to), (decimal)drop.Trough / drop.Peak);
                Assert.True(IsDrop(ticks, from, to, drop), $"{width}: ({drop.Peak}, {drop.Trough}) is not a fall inside [{from}, {to})");
            }

            Assert.Equal(ticks.Length, index.FirstAtMost(0, int.MinValue));
            Assert.Equal(ticks.Length, index.FirstAtMost(0, 100_000 - 1));
            Assert.Equal(0, index.FirstAtMost(0, int.MaxValue));
            Assert.Equal(ticks.Length, index.FirstAtMost(ticks.Length, int.MaxValue));
            Assert.Equal(new TickRangeIndex.Passage(ticks.Length, 100_000, 100_000 + spread), index.FirstAtLeast(0, int.MaxValue));
            Assert.Equal(new TickRangeIndex.Passage(ticks.Length, 100_000, 100_000 + spread), index.FirstAtLeast(0, 100_000 + spread + 1));
            Assert.Equal(new TickRangeIndex.Passage(0, int.MaxValue, int.MinValue), index.FirstAtLeast(0, int.MinValue));
            Assert.Equal(new TickRangeIndex.Passage(ticks.Length, int.MaxValue, int.MinValue), index.FirstAtLeast(ticks.Length, 0));
        }
    }

    [Fact]
    public void Index_should_find_passages_across_empty_stretches_of_whole_blocks_and_superblocks()
    {
        // One low bar and one high bar far apart: every level of the walk is skipped whole at some point.
        var ticks = Enumerable.Repeat(5_000, 20_000).ToArray();
        ticks[12_345] = 4_990;
        ticks[17_777] = 5_010;
        foreach (var width in Enum.GetValues<ScanWidth>())
        {
            var index = TickRangeIndex.Create(ticks, width);
            Assert.Equal(12_345, index.FirstAtMost(1, 4_999));
            Assert.Equal(new TickRangeIndex.Passage(17_777, 4_990, 5_000), index.FirstAtLeast(1, 5_001));
            Assert.Equal(new TickRangeIndex.Passage(20_000, 5_000, 5_000), index.FirstAtLeast(17_778, 5_001));
            Assert.Equal(new TickRangeIndex.Drop(5_000, 4_990), index.DeepestDrop(0, 20_000));
            Assert.Equal(new TickRangeIndex.Drop(5_010, 5_000), index.DeepestDrop(12_346, 20_000));
        }
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
