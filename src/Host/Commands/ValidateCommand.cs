using System.Collections.Immutable;
using System.Globalization;
using ActorArb.Domain.Validation;
using ActorArb.Host.Reports;

namespace ActorArb.Host.Commands;

/// <summary>
/// <c>actorarb validate</c>: checks candle files (or the backtest source of a config) row by row — OHLC integrity,
/// duplicates, misaligned times, gaps, stale runs, robust outliers — and every two series of the same symbol against
/// each other, then writes <c>validation.json</c> and <c>validation.html</c> and prints a summary. Exits 0 when every
/// series passes or only warns, 4 when any fails.
/// </summary>
internal static partial class ValidateCommand
{
    private const string DefaultOutput = "out/validate";
    private const int DefaultMaxFindings = 1000;

    /// <summary>The command-line option of each <see cref="ValidationOptions"/> member, to word option errors.</summary>
    private static readonly Dictionary<string, string> OptionNames = new(StringComparer.Ordinal)
    {
        [nameof(ValidationOptions.StaleBars)] = "--stale-bars",
        [nameof(ValidationOptions.StaleRule)] = "--stale-rule",
        [nameof(ValidationOptions.OutlierWindow)] = "--outlier-window",
        [nameof(ValidationOptions.OutlierThreshold)] = "--outlier-threshold",
        [nameof(ValidationOptions.OutlierMinDeviation)] = "--outlier-min-deviation",
        [nameof(ValidationOptions.OutlierSeries)] = "--outliers",
        [nameof(ValidationOptions.DivergenceThreshold)] = "--divergence",
        [nameof(ValidationOptions.LongestGaps)] = "--longest-gaps",
    };

    public static async Task<int> RunAsync(CommandLine line)
    {
        var options = Options(line);
        var maxFindings = Int(line, "max-findings") ?? DefaultMaxFindings;
        var output = line.Get("out") ?? DefaultOutput;
        var quiet = line.Flag("quiet");
        var inputs = Inputs(line);
        line.EnsureAllRead("validate");

        var series = ImmutableArray.CreateBuilder<ValidatedSeries>(inputs.Count);
        foreach (var input in inputs)
        {
            var (source, rows, unreadable) = await ReadAsync(input).ConfigureAwait(false);
            series.Add(new ValidatedSeries(source, input.IsFile, CandleValidator.Validate(input.Instrument, input.Timeframe, rows, unreadable, options)));
        }

        var pairs = ImmutableArray.CreateBuilder<ValidatedPair>();
        for (var i = 0; i < series.Count; i++)
        {
            for (var j = i + 1; j < series.Count; j++)
            {
                if (CrossSeriesValidator.Comparable(series[i].Validation, series[j].Validation))
                {
                    pairs.Add(new ValidatedPair(i, j, CrossSeriesValidator.Compare(series[i].Validation, series[j].Validation, options)));
                }
            }
        }

        var run = new ValidationRun(series.ToImmutable(), pairs.ToImmutable(), options, maxFindings);
        OutputFiles.Write(
            output,
            [("validation.json", path => File.WriteAllBytes(path, ValidationJson.Write(run))), ("validation.html", path => File.WriteAllText(path, ValidationHtml.Render(run)))],
            () => ValidationConsole.Write(Console.Out, run, quiet));
        var failed = run.Series.Count(s => s.Validation.Verdict == ValidationVerdict.Fail);
        if (failed > 0)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"actorarb: validation failed: {failed} of {run.Series.Length} series have errors (listed above as file:line)"));
            return 4;
        }

        return 0;
    }

    private static ValidationOptions Options(CommandLine line)
    {
        var defaults = ValidationOptions.Default;
        var options = defaults with
        {
            StaleBars = Int(line, "stale-bars") ?? defaults.StaleBars,
            StaleRule = line.Get("stale-rule") switch
            {
                null => defaults.StaleRule,
                "either" => StaleRule.Either,
                "both" => StaleRule.Both,
                "zero-volume" => StaleRule.ZeroVolume,
                "identical-ohlc" => StaleRule.IdenticalOhlc,
                var other => throw new UsageException($"--stale-rule: expected either, both, zero-volume or identical-ohlc, got \"{other}\""),
            },
            OutlierWindow = Int(line, "outlier-window") ?? defaults.OutlierWindow,
            OutlierThreshold = Number(line, "outlier-threshold") ?? defaults.OutlierThreshold,
            OutlierMinDeviation = Number(line, "outlier-min-deviation") ?? defaults.OutlierMinDeviation,
            OutlierSeries = line.Get("outliers") switch
            {
                null => defaults.OutlierSeries,
                "both" => OutlierSeries.Both,
                "returns" => OutlierSeries.Returns,
                "closes" => OutlierSeries.Closes,
                var other => throw new UsageException($"--outliers: expected both, returns or closes, got \"{other}\""),
            },
            DivergenceThreshold = Number(line, "divergence") ?? defaults.DivergenceThreshold,
            LongestGaps = Int(line, "longest-gaps") ?? defaults.LongestGaps,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{OptionNames.GetValueOrDefault(e.ParamName ?? "", "validate")}: {e.Message}");
        }

        return options;
    }

    private static int? Int(CommandLine line, string name) =>
        line.GetLong(name) is not { } value ? null
        : value <= int.MaxValue ? (int)value
        : throw new UsageException($"--{name}: {value} is too large");

    private static double? Number(CommandLine line, string name) =>
        line.Get(name) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : throw new UsageException($"--{name}: expected a number such as 0.01, got \"{text}\"");
}
