namespace ActorArb.Domain.Market.Synthetic;

/// <summary>
/// Elementary functions computed with IEEE-754 basic operations in a fixed order, so they return the same bits on
/// every machine. <see cref="Math.Log(double)"/> delegates to the platform's C runtime, whose last-bit rounding may
/// differ between operating systems, which would break bit-for-bit reproducible synthetic data.
/// </summary>
internal static class DeterministicMath
{
    private const double Ln2 = 0.6931471805599453;
    private const double Sqrt2 = 1.4142135623730951;
    private const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>
    /// Returns the natural logarithm of a positive finite <paramref name="x"/> to within a few units in the last
    /// place: x = m·2^e with m in [√2/2, √2), and ln m = 2·atanh((m − 1)/(m + 1)) by its odd power series.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is not positive and finite.</exception>
    public static double Log(double x)
    {
        if (!(x > 0.0) || double.IsPositiveInfinity(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Log needs a positive finite argument.");
        }

        var exponent = 0;
        if (x < SmallestNormal)
        {
            // Subnormal: scale into the normal range first so the exponent field is meaningful.
            x *= 18014398509481984.0; // 2^54
            exponent = -54;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        exponent += (int)((bits >> 52) & 0x7FF) - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            exponent++;
        }

        var f = (m - 1.0) / (m + 1.0);
        var f2 = f * f;

        // |f| <= 0.1716, so f^2 <= 0.0295 and the 13th odd term is below 2^-60 of the first.
        var series = 1.0 / 25.0;
        series = (series * f2) + (1.0 / 23.0);
        series = (series * f2) + (1.0 / 21.0);
        series = (series * f2) + (1.0 / 19.0);
        series = (series * f2) + (1.0 / 17.0);
        series = (series * f2) + (1.0 / 15.0);
        series = (series * f2) + (1.0 / 13.0);
        series = (series * f2) + (1.0 / 11.0);
        series = (series * f2) + (1.0 / 9.0);
        series = (series * f2) + (1.0 / 7.0);
        series = (series * f2) + (1.0 / 5.0);
        series = (series * f2) + (1.0 / 3.0);
        var lnM = 2.0 * (f + (f * f2 * series));
        return (exponent * Ln2) + lnM;
    }
}
