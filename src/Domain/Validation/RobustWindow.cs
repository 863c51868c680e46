using System.Diagnostics;

namespace ActorArb.Domain.Validation;

/// <summary>
/// The last N values of a series kept both in arrival order (a ring) and sorted, so that the median is a lookup and
/// the median absolute deviation a merge outward from the median: O(N) per update and query, no allocation after
/// construction. Values must not be NaN.
/// </summary>
internal sealed class RobustWindow
{
    private readonly double[] ring;
    private readonly double[] sorted;
    private int count;
    private int next;

    /// <summary>Creates an empty window of <paramref name="capacity"/> values.</summary>
    public RobustWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ring = new double[capacity];
        sorted = new double[capacity];
    }

    /// <summary>Gets whether the window holds its capacity of values.</summary>
    public bool IsFull => count == ring.Length;

    /// <summary>Gets the number of values held.</summary>
    public int Count => count;

    /// <summary>Adds a value, evicting the oldest when the window is full.</summary>
    public void Add(double value)
    {
        Debug.Assert(!double.IsNaN(value), "a NaN has no place in a sorted window");
        if (IsFull)
        {
            var evicted = Array.BinarySearch(sorted, 0, count, ring[next]);
            Debug.Assert(evicted >= 0, "every value in the ring is in the sorted array");
            Array.Copy(sorted, evicted + 1, sorted, evicted, count - evicted - 1);
            count--;
        }

        ring[next] = value;
        next = (next + 1) % ring.Length;
        var at = Array.BinarySearch(sorted, 0, count, value);
        if (at < 0)
        {
            at = ~at;
        }

        Array.Copy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = value;
        count++;
    }

    /// <summary>Returns the median: the middle value, or the mean of the two middle values of an even count.</summary>
    public double Median()
    {
        Debug.Assert(count > 0, "the median of nothing");
        var half = count / 2;
        return count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    /// <summary>Returns the median of <c>|x − median|</c> over the window.</summary>
    public double MedianAbsoluteDeviation(double median)
    {
        // Distances grow outward from the median on both sides, so merging the two sides visits them in order; the
        // median distance is the (count / 2)-th visited (and the one before it for an even count).
        var right = Array.BinarySearch(sorted, 0, count, median);
        right = right < 0 ? ~right : right;
        var left = right - 1;
        var wanted = count / 2;
        var previous = 0.0;
        for (var visited = 0; ; visited++)
        {
            double distance;
            if (left >= 0 && (right >= count || median - sorted[left] <= sorted[right] - median))
            {
                distance = median - sorted[left--];
            }
            else
            {
                distance = sorted[right++] - median;
            }

            if (visited == wanted)
            {
                return count % 2 == 1 ? distance : (previous + distance) / 2;
            }

            previous = distance;
        }
    }

    /// <summary>Returns the mean of <c>|x − median|</c> over the window, summed in sorted order.</summary>
    public double MeanAbsoluteDeviation(double median)
    {
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += Math.Abs(sorted[i] - median);
        }

        return sum / count;
    }
}
