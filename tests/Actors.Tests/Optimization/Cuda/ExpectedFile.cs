using System.Globalization;
using System.IO.Compression;
using ActorArb.Domain.Optimization;

namespace ActorArb.Actors.Tests.Optimization.Cuda;

/// <summary>The synthetic series of <c>shared/data/synthetic/EXPECTED.md</c>, its grid and costs.</summary>
internal static class ExpectedFile
{
    /// <summary>The file, relative to <c>shared/data</c>.</summary>
    public const string Relative = "synthetic/usdc-ou-seed42-1m-525600.csv.gz";

    /// <summary>Gets EXPECTED.md's costs: fee 0.001, no slippage.</summary>
    public static ThresholdCosts Costs { get; } = new(fee: 0.001, slippage: 0.0);

    /// <summary>Returns the file's closes, or skips the calling spec when the shared data is absent.</summary>
    public static double[] ClosesOrSkip()
    {
        Skip.IfNot(SharedData.TryGet(Relative, out var path), $"shared/data/{Relative} is absent");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        reader.ReadLine();
        var closes = new List<double>(525_600);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            closes.Add(double.Parse(line.Split(',')[4], CultureInfo.InvariantCulture));
        }

        return [.. closes];
    }

    /// <summary>Returns b = 0.9900 … 0.9999 × s = 1.0001 … 1.0100 in b-major order, each value ticks / 10000.0 like grid_ref.py.</summary>
    public static (double[] Buys, double[] Sells) Grid()
    {
        var buys = new List<double>();
        var sells = new List<double>();
        for (var b = 9_900; b <= 9_999; b++)
        {
            for (var s = 10_001; s <= 10_100; s++)
            {
                buys.Add(b / 10_000.0);
                sells.Add(s / 10_000.0);
            }
        }

        return ([.. buys], [.. sells]);
    }
}
