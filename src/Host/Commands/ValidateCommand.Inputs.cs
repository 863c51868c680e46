using ActorArb.Domain.Market;
using ActorArb.Host.Composition;

namespace ActorArb.Host.Commands;

/// <summary>
/// Where <c>validate</c> gets its series: candle files named on the command line (their instrument and timeframe given
/// or read from names like <c>candles/kraken/USDCUSD-1m-….csv</c>), or the backtest source of a config.
/// </summary>
internal static partial class ValidateCommand
{
    /// <summary>Quote currencies, longest first, by which a pair written without a separator (<c>USDCUSDT</c>) is split.</summary>
    private static readonly string[] Quotes = ["USDT", "USDC", "USD", "EUR", "GBP", "DAI", "BTC", "XBT", "ETH"];

    private static readonly string[] Exchanges = ["binance", "coinbase", "kraken"];

    /// <summary>One series to validate: a candle file read row by row, or (from the config) a source read through its candles.</summary>
    private sealed record Input(string Source, InstrumentId Instrument, Timeframe Timeframe, long? FromMs, long? ToMs, SourceSettings? Settings = null, PersistenceSettings? Persistence = null)
    {
        public bool IsFile => Settings is null;
    }

    private static List<Input> Inputs(CommandLine line)
    {
        var paths = line.Verbs.Skip(1)
            .Concat((line.Get("path") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        if (paths.Count == 0)
        {
            return [FromConfig(line)];
        }

        if (line.Get("config") is not null)
        {
            throw new UsageException("validate reads either candle files or the backtest source of --config, not both");
        }

        var exchange = line.Get("exchange");
        var symbol = line.Get("symbol");
        var timeframe = line.GetTimeframe("timeframe");
        var (from, to) = (line.GetDate("from"), line.GetDate("to"));
        var inputs = new List<Input>(paths.Count);
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new UsageException($"file not found: {path}");
            }

            var inferred = InferFromPath(path);
            var instrument = new InstrumentId(
                exchange ?? inferred.Exchange ?? throw new UsageException($"cannot tell the exchange of {path} from its folder (…/candles/<exchange>/FILE with exchange {string.Join(", ", Exchanges)}); give --exchange"),
                symbol ?? inferred.Symbol ?? throw new UsageException($"cannot tell the symbol of {path} from its name (e.g. USDCUSD-1m-….csv or USDT-USD-1m-….csv); give --symbol BASE/QUOTE"));
            var frame = timeframe ?? inferred.Timeframe ?? throw new UsageException($"cannot tell the timeframe of {path} from its name (e.g. USDCUSD-1m-….csv); give --timeframe");
            inputs.Add(new Input(path, instrument, frame, from, to));
        }

        return inputs;
    }

    /// <summary>Returns the config's backtest source, with the same command-line overrides as <c>backtest</c>.</summary>
    private static Input FromConfig(CommandLine line)
    {
        var configPath = line.Get("config");
        if (configPath is null && !File.Exists("config.hocon"))
        {
            throw new UsageException("validate needs candle files (FILE arguments or --path FILE[,FILE…]) or --config with a backtest source");
        }

        var config = BacktestCommand.Parse(configPath ?? "config.hocon");
        var source = BacktestCommand.Load(config, line).Source;
        return source.Kind switch
        {
            SourceKindSetting.CsvCandles => new Input(source.Path!, source.Instrument.Id, source.Timeframe, source.FromMs, source.ToMs),
            SourceKindSetting.CsvTicks => throw new UsageException($"validate checks candles, and the backtest source is the tick file {source.Path}; give candle files with --path"),
            SourceKindSetting.StoreCandles => new Input("store candles", source.Instrument.Id, source.Timeframe, source.FromMs, source.ToMs, source, PersistenceSettings.Bind(config)),
            _ => new Input("synthetic", source.Instrument.Id, source.Timeframe, source.FromMs, source.ToMs, source),
        };
    }

    /// <summary>
    /// Returns what a path's folder and name say: the exchange from a folder named after one, the symbol and timeframe
    /// from a name <c>PAIR-TIMEFRAME-…</c> where the pair is <c>BASEQUOTE</c> or <c>BASE-QUOTE</c>; null for what they do not say.
    /// </summary>
    internal static (string? Exchange, string? Symbol, Timeframe? Timeframe) InferFromPath(string path)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)))?.ToLowerInvariant();
        var exchange = Exchanges.Contains(folder) ? folder : null;
        var name = Path.GetFileName(path);
        foreach (var extension in (ReadOnlySpan<string>)[".gz", ".csv"])
        {
            name = name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name[..^extension.Length] : name;
        }

        var parts = name.Split('-');
        for (var i = 1; i < parts.Length; i++)
        {
            if (Timeframe.TryParse(parts[i], out var timeframe))
            {
                var symbol = i switch
                {
                    1 => NormaliseSymbol(parts[0]),
                    2 => NormaliseSymbol(parts[0], parts[1]),
                    _ => null,
                };
                return (exchange, symbol, timeframe);
            }
        }

        return (exchange, null, null);
    }

    /// <summary>Returns <c>BASE/QUOTE</c> for a pair written without a separator (<c>USDCUSDT</c> → <c>USDC/USDT</c>), or null.</summary>
    internal static string? NormaliseSymbol(string pair)
    {
        var upper = pair.ToUpperInvariant();
        foreach (var quote in Quotes)
        {
            if (upper.Length > quote.Length && upper.EndsWith(quote, StringComparison.Ordinal))
            {
                return NormaliseSymbol(upper[..^quote.Length], quote);
            }
        }

        return null;
    }

    private static string? NormaliseSymbol(string @base, string quote) =>
        @base.Length == 0 || quote.Length == 0 || !@base.All(char.IsAsciiLetterOrDigit) || !quote.All(char.IsAsciiLetterOrDigit)
            ? null
            : $"{Asset(@base.ToUpperInvariant())}/{Asset(quote.ToUpperInvariant())}";

    private static string Asset(string code) => code switch
    {
        "XBT" => "BTC",
        "XDG" => "DOGE",
        _ => code,
    };
}
