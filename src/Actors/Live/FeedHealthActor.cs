using ActorArb.Actors.Feeds;
using ActorArb.Actors.Risk;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Live;

/// <summary>
/// Watches one feed's health every second — connected, and its last message younger than the stale limit — and tells
/// the risk managers of the feed's instruments when it turns unhealthy or healthy again, so stale data or an exchange
/// outage halts new exposure (exits still pass) and recovery clears only that halt.
/// </summary>
public sealed class FeedHealthActor : ReceiveActor
{
    private readonly IActorRef _feed;
    private readonly IReadOnlyList<IActorRef> _risks;
    private readonly long _staleAfterMs;
    private readonly IClock _clock;
    private readonly string _name;
    private bool? _healthy;

    private FeedHealthActor(string name, IActorRef feed, IReadOnlyList<IActorRef> risks, TimeSpan staleAfter, IClock clock)
    {
        _name = name;
        _feed = feed;
        _risks = risks;
        _staleAfterMs = (long)staleAfter.TotalMilliseconds;
        _clock = clock;
        Receive<Check>(_ => _feed.Tell(new FeedProtocol.GetMetrics(), Self));
        Receive<FeedMetrics>(Judge);
    }

    /// <summary>Returns the props of a watcher of <paramref name="feed"/> for the risk managers <paramref name="risks"/>.</summary>
    public static Props Props(string name, IActorRef feed, IReadOnlyList<IActorRef> risks, TimeSpan staleAfter, IClock? clock = null) =>
        Runtime.Props.Create(() => new FeedHealthActor(name, feed, risks, staleAfter, clock ?? SystemClock.Instance));

    /// <inheritdoc/>
    protected override void PreStart() => Context.Timers.StartPeriodicTimer("check", new Check(), TimeSpan.FromSeconds(1));

    private void Judge(FeedMetrics metrics)
    {
        var age = metrics.LastMessageAtMs > 0 ? _clock.NowMs - metrics.LastMessageAtMs : long.MaxValue;
        var healthy = metrics.Connected && age <= _staleAfterMs;
        if (healthy == _healthy)
        {
            return;
        }

        _healthy = healthy;
        var reason = healthy ? $"{_name} healthy"
            : !metrics.Connected ? $"{_name} disconnected"
            : $"{_name} stale: no message for {age / 1000.0:0.#} s";
        foreach (var risk in _risks)
        {
            risk.Tell(new RiskProtocol.DataHealth(healthy, reason), Self);
        }
    }

    private sealed record Check;
}
