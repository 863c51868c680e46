using System.Globalization;

namespace ActorArb.Tools.GpuCheck;

/// <summary>
/// An inclusive range of thresholds written <c>low:high:step</c> (e.g. <c>0.9900:0.9999:0.0001</c>). The values are
/// computed in decimal and converted by parsing their decimal text, so each equals the double a parser gives for
/// "0.9950" (and <c>ticks / 10000.0</c> in <c>grid_ref.py</c>), never an accumulation of rounded steps.
/// </summary>
internal sealed record GridRange(decimal Low, decimal High, decimal Step)
{
    /// <summary>Parses <c>low:high:step</c>; the step must be positive and the range not empty.</summary>
    /// <exception cref="FormatException">The text is not a valid range.</exception>
    public static GridRange Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3
            || !decimal.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            || !decimal.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
            || !decimal.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var step))
        {
            throw new FormatException($"'{text}' is not a range low:high:step");
        }

        if (step <= 0 || high < low)
        {
            throw new FormatException($"'{text}': the step must be positive and high at least low");
        }

        return new GridRange(low, high, step);
    }

    /// <summary>Returns the values low, low + step, … up to and including high when it falls on a step.</summary>
    public double[] Values()
    {
        var count = (int)decimal.Floor((High - Low) / Step) + 1;
        var values = new double[count];
        for (var k = 0; k < count; k++)
        {
            values[k] = double.Parse((Low + (k * Step)).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Low}:{High}:{Step}");
}
