using System.Globalization;
using System.IO.Compression;

namespace ActorArb.Domain.Tests.Optimization;

/// <summary>Reads the close column of a candle CSV (plain or gzip) from the shared data, for the optimizer specs.</summary>
internal static class SeriesFiles
{
    public const string Synthetic = "synthetic/usdc-ou-seed42-1m-525600.csv.gz";

    public static List<double> Closes(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()!.Split(',');
        var column = Array.IndexOf(header, "close");
        var closes = new List<double>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            closes.Add(double.Parse(line.Split(',')[column], CultureInfo.InvariantCulture));
        }

        return closes;
    }

    /// <summary>An Ornstein-Uhlenbeck walk around <paramref name="center"/> ticks, seeded, for random comparisons.</summary>
    public static List<double> Walk(int seed, int bars, int center, double theta, double sigma, int decimals)
    {
        var random = new Random(seed);
        var scale = Math.Pow(10, decimals);
        var deviation = 0.0;
        var closes = new List<double>(bars);
        for (var i = 0; i < bars; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            deviation = ((1 - theta) * deviation) + (sigma * normal);
            closes.Add(Math.Max(1, Math.Round(center + deviation)) / scale);
        }

        return closes;
    }
}
