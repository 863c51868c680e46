using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;

namespace ActorArb.Actors.Regimes;

/// <summary>
/// Hosts one instrument's <see cref="RegimeDetector"/> on candles of one timeframe and passes every candle on.
/// A regime change is sent between the candle that caused it and the next one, so downstream stages see
/// market data and regimes in the order they happened.
/// </summary>
public sealed class RegimeDetectorActor : ReceiveActor
{
    private readonly RegimeDetector _detector;
    private readonly Timeframe _timeframe;
    private readonly IActorRef _next;
    private readonly IActorRef _journal;
    private readonly string _stream;

    private RegimeDetectorActor(Instrument instrument, RegimeOptions options, Timeframe timeframe, IActorRef next, IActorRef journal, string streamScope)
    {
        _detector = new RegimeDetector(instrument, options);
        _timeframe = timeframe;
        _next = next;
        _journal = journal;
        _stream = StreamOf(streamScope, instrument.Id);
        Receive<MarketDataProtocol.CandleBatch>(Handle);
        Receive<MarketDataProtocol.EndOfData>(end => _next.Tell(end, Self));
    }

    /// <summary>Returns the stream the regime events of <paramref name="instrument"/> go to under <paramref name="streamScope"/>.</summary>
    public static string StreamOf(string streamScope, InstrumentId instrument) => $"{streamScope}/regimes/{instrument}";

    /// <summary>Returns the props of a detector for <paramref name="instrument"/> on <paramref name="timeframe"/> candles.</summary>
    public static Props Props(Instrument instrument, RegimeOptions options, Timeframe timeframe, IActorRef next, IActorRef journal, string streamScope) =>
        Runtime.Props.Create(() => new RegimeDetectorActor(instrument, options, timeframe, next, journal, streamScope));

    private void Handle(MarketDataProtocol.CandleBatch batch)
    {
        var candles = batch.Candles;
        var start = 0;
        for (var i = 0; i < candles.Length; i++)
        {
            if (candles[i].Timeframe != _timeframe || _detector.OnCandle(candles[i]) is not { } change)
            {
                continue;
            }

            _next.Tell(batch.Slice(start, i + 1), Self);
            _next.Tell(change, Self);
            _journal.Tell(new JournalProtocol.Append(_stream, [change]), Self);
            Context.System.EventStream.Publish(change);
            start = i + 1;
        }

        if (start < candles.Length)
        {
            _next.Tell(batch.Slice(start, candles.Length), Self);
        }
    }
}
