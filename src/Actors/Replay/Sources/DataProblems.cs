namespace ActorArb.Actors.Replay.Sources;

/// <summary>
/// The problem kinds a file source counts in <see cref="DataQualityReport.ProblemCounts"/>. Each is the start of the
/// reason in samples and in <see cref="DataFormatException.Reason"/>; some reasons add a detail in parentheses.
/// All are errors (the row is skipped or stops the read) except <see cref="OffTickPrice"/>, a warning: the row is
/// kept unchanged.
/// </summary>
public static class DataProblems
{
    /// <summary>The row has a different number of columns from the header.</summary>
    public const string WrongColumnCount = "wrong column count";

    /// <summary>The timestamp is not a non-negative whole number of milliseconds.</summary>
    public const string UnparsableTimestamp = "unparsable timestamp";

    /// <summary>A price is not exact decimal text with at most nine decimals.</summary>
    public const string UnparsablePrice = "unparsable price";

    /// <summary>The volume or quantity is not a finite invariant number.</summary>
    public const string UnparsableVolume = "unparsable volume";

    /// <summary>The taker side is neither <c>buy</c> nor <c>sell</c>.</summary>
    public const string UnparsableSide = "unparsable side";

    /// <summary>A price is zero or negative.</summary>
    public const string NonPositivePrice = "non-positive price";

    /// <summary>The candle's high is below its low.</summary>
    public const string HighBelowLow = "high below low";

    /// <summary>The candle's open or close lies outside [low, high].</summary>
    public const string OpenCloseOutsideRange = "open or close outside [low, high]";

    /// <summary>The volume or quantity is negative.</summary>
    public const string NegativeVolume = "negative volume";

    /// <summary>The timestamp is earlier than the previous accepted row's.</summary>
    public const string TimeGoesBackwards = "time goes backwards";

    /// <summary>A candle has the same open time as the previous accepted candle.</summary>
    public const string DuplicateTimestamp = "duplicate timestamp";

    /// <summary>A trade has the same non-empty trade id as the previous accepted trade.</summary>
    public const string DuplicateTradeId = "duplicate trade id";

    /// <summary>A candle's open time is not a multiple of its timeframe.</summary>
    public const string MisalignedTimestamp = "timestamp not aligned to the timeframe";

    /// <summary>Warning only: a price is not a whole multiple of the instrument's tick size; the row is kept as is.</summary>
    public const string OffTickPrice = "price not a multiple of the tick size";
}
