using ActorArb.Domain.Market;

namespace ActorArb.Domain.Optimization;

/// <summary>
/// Resamples bar closes to a longer timeframe: the close of a UTC-aligned period is the close of its last bar, the
/// way the candle aggregator rolls 1m bars up. The last period is kept even when the data ends inside it.
/// </summary>
public static class CloseResampler
{
    /// <summary>Returns the open times and closes of the periods of <paramref name="period"/> covering the bars.</summary>
    public static (long[] OpenMs, double[] Closes) Resample(ReadOnlySpan<long> openMs, ReadOnlySpan<double> closes, Timeframe period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period.Ms);
        if (openMs.Length != closes.Length)
        {
            throw new ArgumentException("open times and closes must have the same length");
        }

        var times = new List<long>();
        var values = new List<double>();
        for (var i = 0; i < closes.Length; i++)
        {
            var open = period.Floor(openMs[i]);
            if (times.Count > 0 && times[^1] == open)
            {
                values[^1] = closes[i];
            }
            else
            {
                times.Add(open);
                values.Add(closes[i]);
            }
        }

        return ([.. times], [.. values]);
    }
}
