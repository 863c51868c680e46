using System.Globalization;
using System.IO.Compression;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Synthetic;

namespace ActorArb.Tools.GpuCheck;

/// <summary>Where the check's closes come from: a CSV column (plain or gzip) or the built-in synthetic series.</summary>
internal static class ClosesSource
{
    /// <summary>
    /// Returns <paramref name="bars"/> closes of a seeded Ornstein-Uhlenbeck walk around 1.0 (mean reversion 0.001 and
    /// volatility 0.0001 per bar, no de-peg) quantised to 0.0001: <see cref="SyntheticPegSeries"/>, so the same seed
    /// gives the same doubles on every machine.
    /// </summary>
    public static double[] Synthetic(int bars, ulong seed)
    {
        var instrument = new Instrument(new InstrumentId("synthetic", "USDC/USD"), SyntheticPegOptions.DefaultTickSize);
        var options = new SyntheticPegOptions(Seed: seed, Bars: bars, MeanReversion: 0.001, Volatility: 0.0001, DepegDepth: 0);
        return SyntheticPegSeries.Generate(instrument, options).Select(candle => candle.Close.ToDouble()).ToArray();
    }

    /// <summary>
    /// Reads <paramref name="column"/> (a header name, case-insensitive, or a zero-based index) of a CSV file, gzip when
    /// the name ends in <c>.gz</c>, as invariant doubles; the first line is a header unless the column is an index and
    /// that line's field is a number.
    /// </summary>
    /// <exception cref="FormatException">The column is missing or a field is not a number (the message names the line).</exception>
    public static double[] ReadCsv(string path, string column)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine() ?? throw new FormatException($"{path} is empty");
        var closes = new List<double>();
        int index;
        if (int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            var first = Field(header, index, path, 1);
            if (double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                closes.Add(value);
            }
        }
        else
        {
            index = Array.FindIndex(header.Split(','), name => name.Trim().Equals(column, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new FormatException($"{path}: no column '{column}' in the header '{header}'");
            }
        }

        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var field = Field(line, index, path, lineNumber);
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var close))
            {
                throw new FormatException($"{path}:{lineNumber}: '{field}' is not a number");
            }

            closes.Add(close);
        }

        return [.. closes];
    }

    private static string Field(string line, int index, string path, int lineNumber)
    {
        var fields = line.Split(',');
        return index < fields.Length ? fields[index].Trim() : throw new FormatException($"{path}:{lineNumber}: no field {index}");
    }
}
