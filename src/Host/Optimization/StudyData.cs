using System.Globalization;
using System.Security.Cryptography;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;
using ActorArb.Domain.Optimization;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Optimization;

/// <summary>The source's bars as open times and closes, the tick grid they lie on, and a fingerprint of them.</summary>
internal sealed class StudyData
{
    private StudyData(Timeframe timeframe, long[] openMs, double[] closes, int decimals, string description)
    {
        Timeframe = timeframe;
        OpenMs = openMs;
        Closes = closes;
        Decimals = decimals;
        Description = description;
        var bytes = new byte[openMs.Length * 16];
        for (var i = 0; i < openMs.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 16), openMs[i]);
            BitConverter.TryWriteBytes(bytes.AsSpan((i * 16) + 8), closes[i]);
        }

        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public Timeframe Timeframe { get; }

    public long[] OpenMs { get; }

    public double[] Closes { get; }

    public int Decimals { get; }

    public string Description { get; }

    /// <summary>Gets the SHA-256 of every bar's open time and close: equal data, equal fingerprint.</summary>
    public string Fingerprint { get; }

    /// <summary>Reads every candle of <paramref name="source"/> (which it disposes).</summary>
    /// <exception cref="ConfigException">The source holds ticks, no bars, or its tick size is not a power of ten.</exception>
    public static StudyData Read(HistoricalSource source, Timeframe timeframe)
    {
        using (source)
        {
            if (source.Kind != SourceKind.Candles)
            {
                throw new ConfigException($"optimize reads candles; {source.Description} holds ticks (use a candle source, e.g. csv-candles)");
            }

            var decimals = DecimalsOf(source.Instrument.TickSize);
            var openMs = new List<long>();
            var closes = new List<double>();
            var batch = new List<Candle>(4096);
            while (source.ReadCandles(batch, 4096) > 0)
            {
                foreach (var candle in batch)
                {
                    openMs.Add(candle.OpenTimeMs);
                    closes.Add(candle.Close.ToDouble());
                }

                batch.Clear();
            }

            if (closes.Count == 0)
            {
                throw new ConfigException($"{source.Description}: no bars to optimise over");
            }

            return new StudyData(timeframe, [.. openMs], [.. closes], decimals, source.Description);
        }
    }

    /// <summary>Returns the bars resampled to <paramref name="target"/> (the bars themselves at their own timeframe).</summary>
    /// <exception cref="ConfigException">The target is shorter than, or not a whole multiple of, the source's timeframe.</exception>
    public (long[] OpenMs, double[] Closes) Resample(Timeframe target)
    {
        if (target == Timeframe)
        {
            return (OpenMs, Closes);
        }

        if (target.Ms < Timeframe.Ms || target.Ms % Timeframe.Ms != 0)
        {
            throw new ConfigException(string.Create(CultureInfo.InvariantCulture, $"optimize.timeframes: {target} is not a whole multiple of the source's {Timeframe} bars"));
        }

        return CloseResampler.Resample(OpenMs, Closes, target);
    }

    private static int DecimalsOf(Price tick)
    {
        for (var decimals = 0; decimals <= Price.Decimals; decimals++)
        {
            if (tick.Raw * (long)Math.Pow(10, decimals) == Price.Scale)
            {
                return decimals;
            }
        }

        throw new ConfigException($"optimize needs a tick size that is a power of ten (0.01, 0.0001, …), got {tick}");
    }
}
