namespace ActorArb.Actors.Feeds.Rest;

/// <summary>How far a backfill has come.</summary>
/// <param name="BarsDone">Bars of the range the store now holds (those it held before included).</param>
/// <param name="BarsExpected">Bars in the range: one per interval.</param>
public readonly record struct BackfillProgress(long BarsDone, long BarsExpected);
