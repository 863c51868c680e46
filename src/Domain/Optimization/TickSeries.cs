using System.Globalization;

namespace ActorArb.Domain.Optimization;

/// <summary>
/// A series of closes on a decimal tick grid (tick = 10^−decimals), held both as the doubles the money arithmetic
/// uses and as integer ticks the threshold searches compare. Every close must be exactly the double
/// <c>tick / 10^decimals</c>, which is what parsing its decimal text gives, so comparing ticks and comparing doubles
/// agree and the exact optimizer can answer in ticks what the bar-by-bar definition answers in doubles.
/// </summary>
public sealed class TickSeries
{
    private readonly double[] _closes;
    private readonly int[] _ticks;

    /// <summary>Creates the series of <paramref name="closes"/> on a grid of <paramref name="decimals"/> decimal places.</summary>
    /// <exception cref="ArgumentException">The series is empty, a close is not positive, or a close is off the grid (the message names the bar and value).</exception>
    public TickSeries(IReadOnlyList<double> closes, int decimals)
    {
        ArgumentNullException.ThrowIfNull(closes);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 9);
        if (closes.Count == 0)
        {
            throw new ArgumentException("the series has no closes", nameof(closes));
        }

        Decimals = decimals;
        Scale = Math.Pow(10, decimals);
        _closes = new double[closes.Count];
        _ticks = new int[closes.Count];
        for (var i = 0; i < closes.Count; i++)
        {
            var close = closes[i];
            var ticks = Math.Round(close * Scale);
            if (!(close > 0) || ticks > int.MaxValue || ticks / Scale != close)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"bar {i}: close {close:R} is not a positive price on the {TickSizeText} grid"),
                    nameof(closes));
            }

            _closes[i] = close;
            _ticks[i] = (int)ticks;
        }
    }

    /// <summary>Gets the number of bars.</summary>
    public int Length => _closes.Length;

    /// <summary>Gets the number of decimal places of the tick grid.</summary>
    public int Decimals { get; }

    /// <summary>Gets 10^decimals, the number of ticks per unit of price.</summary>
    public double Scale { get; }

    /// <summary>Gets the closes as doubles.</summary>
    public ReadOnlySpan<double> Closes => _closes;

    /// <summary>Gets the closes in ticks.</summary>
    public ReadOnlySpan<int> Ticks => _ticks;

    private string TickSizeText => (1 / Scale).ToString("0.#########", CultureInfo.InvariantCulture);

    /// <summary>Returns the price of <paramref name="tick"/>: the same double a close of that tick holds.</summary>
    public double PriceOf(int tick) => tick / Scale;
}
