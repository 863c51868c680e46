using System.Threading.Channels;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Actors.Feeds.WebSockets;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Feeds;

/// <summary>
/// The stream stage between a feed's socket and its actor: frames are parsed on the socket's receive thread and written
/// to a bounded channel; when the channel is full the receive loop waits, so backpressure reaches the exchange through
/// TCP and nothing is dropped. A pump hands the actor batches of parsed frames. It owns the socket.
/// </summary>
internal sealed class FeedStage : IDisposable
{
    private readonly ReconnectingWebSocket _socket;
    private readonly Channel<(FeedMessage, long)> _channel;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Task _pump;

    private FeedStage(FeedOptions options, IExchangeAdapter adapter, IActorRef feed, IClock clock, CancellationToken stopping)
    {
        _channel = Channel.CreateBounded<(FeedMessage, long)>(new BoundedChannelOptions(options.StageCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        var socketOptions = options.Socket;
        if (adapter.PingMessage is { } ping && socketOptions.ApplicationPing is null)
        {
            socketOptions = socketOptions with { ApplicationPing = ping, ApplicationPingInterval = socketOptions.ApplicationPingInterval ?? TimeSpan.FromSeconds(15) };
        }

        _socket = new ReconnectingWebSocket(adapter.ConnectUri(options.Endpoint, options.Symbols), socketOptions);
        var subscribe = adapter.SubscribeMessages(options.Symbols);
        _socket.OnConnected = async token =>
        {
            foreach (var frame in subscribe)
            {
                await _socket.SendAsync(frame, token).ConfigureAwait(false);
            }
        };
        var writer = _channel.Writer;
        _subscriptions.Add(_socket.MessageReceived.Subscribe(message =>
        {
            var parsed = (adapter.Parse(message.Bytes.Span), clock.NowMs);
            while (!writer.TryWrite(parsed))
            {
                if (!writer.WaitToWriteAsync(stopping).AsTask().GetAwaiter().GetResult())
                {
                    return;
                }
            }
        }));
        _subscriptions.Add(_socket.ReconnectionHappened.Subscribe(info => feed.Tell(new FeedProtocol.Connected(info))));
        _subscriptions.Add(_socket.DisconnectionHappened.Subscribe(info => feed.Tell(new FeedProtocol.Disconnected(info))));
        _pump = PumpAsync(feed, options.BatchFrames, stopping);
        _ = _socket.StartAsync(stopping);
    }

    /// <summary>Connects and starts pumping parsed frames to <paramref name="feed"/>.</summary>
    public static FeedStage Start(FeedOptions options, IExchangeAdapter adapter, IActorRef feed, IClock clock, CancellationToken stopping) =>
        new(options, adapter, feed, clock, stopping);

    /// <summary>Closes the socket cleanly (bounded wait) and stops the pump.</summary>
    public void Dispose()
    {
        _socket.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _channel.Writer.TryComplete();
        _pump.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task PumpAsync(IActorRef feed, int batchFrames, CancellationToken stopping)
    {
        var reader = _channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                var batch = new List<(FeedMessage, long)>(Math.Min(batchFrames, reader.Count + 1));
                while (batch.Count < batchFrames && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                feed.Tell(new FeedProtocol.Parsed(batch));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
