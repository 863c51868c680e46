using ActorArb.Domain.Market;
using ActorArb.Domain.Validation;

namespace ActorArb.Domain.Tests.Validation;

/// <summary>Hand-made candle rows for the validation specs: minute-indexed 1m bars from 2023-03-01T00:00Z.</summary>
internal static class ValidationRows
{
    public const long T0 = 1_677_628_800_000;

    public static readonly InstrumentId Kraken = new("kraken", "USDC/USD");

    public static long Minute(int minute) => T0 + (minute * 60_000L);

    /// <summary>A bar whose open, high, low and close are all <paramref name="close"/>.</summary>
    public static CandleRow Bar(int minute, string close, double volume = 1) => Row(minute, close, close, close, close, volume);

    public static CandleRow Row(int minute, string open, string high, string low, string close, double volume = 1) =>
        new(null, Minute(minute), Price.Parse(open), Price.Parse(high), Price.Parse(low), Price.Parse(close), volume);

    /// <summary>Flat bars at consecutive minutes with the given closes.</summary>
    public static IEnumerable<CandleRow> Closes(int fromMinute, params string[] closes) =>
        closes.Select((close, i) => Bar(fromMinute + i, close));

    /// <summary>Numbers the rows as a file would: the first data row is line 2.</summary>
    public static CandleRow[] Numbered(IEnumerable<CandleRow> rows) => [.. rows.Select((row, i) => row with { Line = i + 2 })];

    public static SeriesValidation Validate(IEnumerable<CandleRow> rows, ValidationOptions? options = null, params UnreadableRow[] unreadable) =>
        CandleValidator.Validate(Kraken, Timeframe.OneMinute, [.. rows], unreadable, options ?? ValidationOptions.Default);

    public static ValidationFinding Single(SeriesValidation validation, ValidationKind kind) =>
        Assert.Single(validation.Findings, f => f.Kind == kind);
}
