using System.Globalization;

namespace ActorArb.Host.Bench;

/// <summary>The distribution of a latency sample: its size, median, 99th percentile and maximum, in milliseconds (nearest-rank percentiles).</summary>
internal sealed record LatencyFigures(int Count, double P50Ms, double P99Ms, double MaxMs)
{
    /// <summary>Returns the figures of <paramref name="samplesMs"/>, all zero when it is empty.</summary>
    public static LatencyFigures Of(IReadOnlyCollection<double> samplesMs)
    {
        if (samplesMs.Count == 0)
        {
            return new LatencyFigures(0, 0, 0, 0);
        }

        var sorted = samplesMs.Order().ToArray();
        return new LatencyFigures(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50Ms:0.00} ms, p99 {P99Ms:0.00} ms, max {MaxMs:0.00} ms over {Count:N0} candles");

    private static double Rank(double[] sorted, double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
