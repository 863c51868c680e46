using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using ActorArb.Simulator.Market;
using ActorArb.Simulator.Wire;

namespace ActorArb.Simulator.Sessions;

/// <summary>
/// One WebSocket connection speaking one exchange's protocol. A receive loop only queues what the client sends; a
/// single send loop takes the queue in order (client requests, published trades, heartbeats), lets the protocol turn
/// each item into messages, and sends them through the fault injector. Protocol state therefore lives on one thread.
/// </summary>
internal abstract partial class WireSession : ITradeSink
{
    private const int MaxClientMessageBytes = 1 << 20;

    private readonly Channel<Outbound> queue;
    private readonly List<Frame> frames = [];
    private readonly HashSet<FeedState> subscribed = [];
    private WebSocket? socket;
    private Action? abortTransport;
    private CancellationTokenSource? life;
    private int dropped;
    private volatile bool ended;
    private volatile bool busy = true;

    protected WireSession(SimulatorState state, string flavour)
    {
        State = state;
        Flavour = flavour;
        Ordinal = state.NextSessionOrdinal();
        random = new Random(state.SeedFor(1, Ordinal));
        pendingMalformed = state.Faults.MalformedPerConnection;
        queue = Channel.CreateBounded<Outbound>(new BoundedChannelOptions(state.Options.ConnectionQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Gets the session's number in accept order (it seeds the session's fault choices).</summary>
    public int Ordinal { get; }

    /// <summary>Gets the protocol the session speaks.</summary>
    public string Flavour { get; }

    /// <inheritdoc />
    public int Backlog => queue.Reader.Count;

    /// <summary>Gets whether the session has sent everything queued for it so far.</summary>
    public bool IsIdle => !busy && queue.Reader.Count == 0;

    protected SimulatorState State { get; }

    protected JsonFrame Json { get; } = new();

    /// <inheritdoc />
    public void Offer(FeedState feed, PublishedTrade[] trades) => Enqueue(new Outbound(OutboundKind.Trades, feed, trades));

    /// <summary>Queues an item; a full queue means the client cannot keep up, and it is dropped as a slow consumer.</summary>
    public void Enqueue(in Outbound item)
    {
        if (!queue.Writer.TryWrite(item) && !ended)
        {
            // Often called under a feed's lock: abort elsewhere.
            ThreadPool.UnsafeQueueUserWorkItem(static session => session.Drop(slow: true), this, preferLocal: false);
        }
    }

    /// <summary>Aborts the connection without a close frame.</summary>
    public void Drop(bool slow = false)
    {
        if (Interlocked.Exchange(ref dropped, 1) == 1)
        {
            return;
        }

        Interlocked.Increment(ref slow ? ref State.Stats.SlowConsumersDropped : ref State.Stats.ConnectionsDropped);
        abortTransport?.Invoke();
        try
        {
            life?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session ended on its own meanwhile.
        }
    }

    /// <summary>Runs the session until the client closes, the connection breaks, it is dropped, or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(WebSocket webSocket, Action abort, CancellationToken stopping)
    {
        socket = webSocket;
        abortTransport = abort;
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        life = lifetime;

        // The greeting (and Binance's URL streams) before the session counts as open: a caller that sees it open may publish.
        OnOpen();
        State.Sessions[Ordinal] = this;
        Interlocked.Increment(ref State.Stats.ConnectionsAccepted);
        Interlocked.Increment(ref State.Stats.ConnectionsOpen);
        try
        {
            var receiving = ReceiveLoopAsync(lifetime);
            var sending = SendLoopAsync(lifetime);
            await Task.WhenAll(receiving, sending).ConfigureAwait(false);
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // A dropped or broken connection ends the session; nothing to report to the client.
        }
        finally
        {
            ended = true;
            queue.Writer.TryComplete();
            foreach (var feed in subscribed)
            {
                feed.Unsubscribe(this);
            }

            State.Sessions.TryRemove(Ordinal, out _);
            Interlocked.Decrement(ref State.Stats.ConnectionsOpen);
        }
    }

    /// <summary>Writes the protocol's greeting (Kraken's status) and subscribes Binance's URL streams; runs before the loops start.</summary>
    protected virtual void OnOpen()
    {
    }

    /// <summary>Acts on a text message from the client.</summary>
    protected abstract void OnClientText(string text);

    /// <summary>Writes update messages for trades just published on a subscribed feed.</summary>
    protected abstract void OnTrades(FeedState feed, PublishedTrade[] trades);

    /// <summary>Writes the protocol's heartbeat(s), if the client subscribed to any.</summary>
    protected virtual void OnHeartbeat()
    {
    }

    /// <summary>Returns a well-formed message of a type the protocol does not have.</summary>
    protected abstract byte[] UnknownTypeMessage();

    /// <summary>Adds a message to send after the current item.</summary>
    protected void Emit(byte[] bytes, FrameKind kind) => frames.Add(new Frame(bytes, kind));

    /// <summary>Adds a trade update to send after the current item: <paramref name="feed"/>'s trades at published positions <paramref name="first"/> to <paramref name="last"/>.</summary>
    protected void EmitTrades(byte[] bytes, FeedState feed, long first, long last) => frames.Add(new Frame(bytes, FrameKind.Trade, feed, first, last));

    /// <summary>Subscribes the session to <paramref name="feed"/> and returns the history at that moment (for a snapshot).</summary>
    protected HistoryView Subscribe(FeedState feed)
    {
        subscribed.Add(feed);
        return feed.Subscribe(this);
    }

    /// <summary>Stops the session receiving <paramref name="feed"/>'s trades.</summary>
    protected void Unsubscribe(FeedState feed)
    {
        subscribed.Remove(feed);
        feed.Unsubscribe(this);
    }

    /// <summary>Returns true when the session receives <paramref name="feed"/>'s trades.</summary>
    protected bool IsSubscribed(FeedState feed) => subscribed.Contains(feed);

    private async Task ReceiveLoopAsync(CancellationTokenSource lifetime)
    {
        var buffer = new byte[8192];
        var message = new ArrayBufferWriter<byte>(8192);
        try
        {
            while (true)
            {
                var result = await socket!.ReceiveAsync(buffer.AsMemory(), lifetime.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Enqueue(Outbound.Close);
                    return;
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (message.WrittenCount > MaxClientMessageBytes)
                {
                    throw new WebSocketException(WebSocketError.HeaderError, "client message too large");
                }

                if (result.EndOfMessage)
                {
                    if (result.MessageType == WebSocketMessageType.Text)
                    {
                        Enqueue(new Outbound(OutboundKind.ClientText, Text: Encoding.UTF8.GetString(message.WrittenSpan)));
                    }

                    message.ResetWrittenCount();
                }
            }
        }
        catch
        {
            await lifetime.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task SendLoopAsync(CancellationTokenSource lifetime)
    {
        var cancellation = lifetime.Token;
        try
        {
            await FlushAsync(cancellation).ConfigureAwait(false);
            var reader = queue.Reader;
            while (true)
            {
                // Busy from before the read to after the send, so an idle reading never misses an item in hand.
                busy = true;
                if (!reader.TryRead(out var item))
                {
                    busy = held is not null;
                    if (held is not null)
                    {
                        await AwaitSuccessorAsync(reader, cancellation).ConfigureAwait(false);
                    }
                    else if (!await reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
                    {
                        return;
                    }

                    continue;
                }

                if (item.Kind == OutboundKind.Close)
                {
                    await socket!.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellation).ConfigureAwait(false);
                    return;
                }

                Handle(item);
                await FlushAsync(cancellation).ConfigureAwait(false);
            }
        }
        catch
        {
            await lifetime.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void Handle(in Outbound item)
    {
        switch (item.Kind)
        {
            case OutboundKind.Trades when IsSubscribed(item.Feed!):
                OnTrades(item.Feed!, item.Trades!);
                break;
            case OutboundKind.ClientText:
                OnClientText(item.Text!);
                break;
            case OutboundKind.Heartbeat:
                OnHeartbeat();
                break;
            case OutboundKind.MalformedBurst:
                for (var i = 0; i < item.Count; i++)
                {
                    frames.Add(new Frame(Malformed(), FrameKind.Control));
                    Interlocked.Increment(ref State.Stats.MalformedMessages);
                }

                break;
        }
    }
}
