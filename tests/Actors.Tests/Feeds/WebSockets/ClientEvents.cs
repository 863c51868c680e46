using System.Reactive.Linq;
using System.Reactive.Subjects;
using ActorArb.Actors.Feeds.WebSockets;

namespace ActorArb.Actors.Tests.Feeds.WebSockets;

/// <summary>Records a socket's three observables (replayed to late waiters) and waits on them with a timeout.</summary>
internal sealed class ClientEvents : IDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly IDisposable[] _subscriptions;

    public ClientEvents(ReconnectingWebSocket socket)
    {
        _subscriptions =
        [
            socket.MessageReceived.Subscribe(Messages),
            socket.ReconnectionHappened.Subscribe(Reconnections),
            socket.DisconnectionHappened.Subscribe(Disconnections),
        ];
    }

    public ReplaySubject<WebSocketMessage> Messages { get; } = new();

    public ReplaySubject<ReconnectionInfo> Reconnections { get; } = new();

    public ReplaySubject<DisconnectionInfo> Disconnections { get; } = new();

    /// <summary>Returns the <paramref name="nth"/> (1-based) item of <paramref name="source"/> that matches, waiting up to <see cref="Wait"/>.</summary>
    public static async Task<T> NextAsync<T>(IObservable<T> source, Func<T, bool> match, int nth = 1) =>
        await source.Where(match).Skip(nth - 1).FirstAsync().Timeout(Wait);

    public Task<WebSocketMessage> MessageAsync(string text) => NextAsync(Messages, m => m.Text == text);

    public Task<ReconnectionInfo> ReconnectionAsync(ReconnectionType type) => NextAsync(Reconnections, r => r.Type == type);

    public Task<DisconnectionInfo> DisconnectionAsync(DisconnectionType type, int nth = 1) =>
        NextAsync(Disconnections, d => d.Type == type, nth);

    /// <summary>Returns what was recorded so far.</summary>
    public static List<T> Snapshot<T>(IObservable<T> subject)
    {
        // A replay subject replays synchronously inside Subscribe, so the list is complete when it returns.
        var items = new List<T>();
        using (subject.Subscribe(items.Add))
        {
        }

        return items;
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
