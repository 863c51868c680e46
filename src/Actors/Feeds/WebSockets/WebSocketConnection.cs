using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace ActorArb.Actors.Feeds.WebSockets;

/// <summary>
/// One open client socket of a <see cref="ReconnectingWebSocket"/>: its single writer (a channel drained by one loop,
/// because a WebSocket allows one send at a time), its cancellation, the time of its last message, and the reason the
/// owner asked it to close, if any.
/// </summary>
internal sealed class WebSocketConnection : IAsyncDisposable
{
    private const int OutgoingCapacity = 256;

    private readonly Channel<Outgoing> _outgoing = Channel.CreateBounded<Outgoing>(
        new BoundedChannelOptions(OutgoingCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _cts;
    private readonly Task _writer;
    private readonly Lock _closeLock = new();
    private long _lastActivity;
    private CloseRequest? _closeRequest;

    public WebSocketConnection(ClientWebSocket socket, long openedAtTimestamp, CancellationToken lifetime)
    {
        Socket = socket;
        OpenedAt = openedAtTimestamp;
        _lastActivity = openedAtTimestamp;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
        _writer = WriteLoopAsync();
    }

    public ClientWebSocket Socket { get; }

    /// <summary>Gets the <see cref="TimeProvider"/> timestamp at which the socket opened.</summary>
    public long OpenedAt { get; }

    /// <summary>Gets the token cancelled when the connection is torn down (or the owner stops).</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>Gets a task completed once the receive loop of this connection has ended.</summary>
    public TaskCompletionSource ReceiveEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets or sets the <see cref="TimeProvider"/> timestamp of the last message received (the open time before any).</summary>
    public long LastActivity
    {
        get => Volatile.Read(ref _lastActivity);
        set => Volatile.Write(ref _lastActivity, value);
    }

    /// <summary>Gets the close the owner asked for, or null when the connection ended on its own.</summary>
    public CloseRequest? RequestedClose
    {
        get
        {
            lock (_closeLock)
            {
                return _closeRequest;
            }
        }
    }

    /// <summary>
    /// Records why the owner wants the connection closed. The first reason wins, except that
    /// <see cref="DisconnectionType.Exit"/> always wins, so that a stop during a user reconnect still stops.
    /// </summary>
    public void RequestClose(CloseRequest request)
    {
        lock (_closeLock)
        {
            if (_closeRequest is null || request.Type == DisconnectionType.Exit)
            {
                _closeRequest = request;
            }
        }
    }

    /// <summary>Queues <paramref name="text"/> and returns once it was written to the socket.</summary>
    public Task SendTextAsync(string text, CancellationToken cancellationToken) =>
        EnqueueAsync(new Outgoing(text, default, null), cancellationToken);

    /// <summary>Queues a close frame behind any pending text and returns once it was written.</summary>
    public Task SendCloseAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken) =>
        EnqueueAsync(new Outgoing(null, status, description), cancellationToken);

    /// <summary>
    /// Closes with a handshake: records <paramref name="request"/>, sends the close frame, waits until the receive loop
    /// saw the server's answer, and aborts the socket if that took longer than <paramref name="timeout"/>.
    /// </summary>
    public async Task CloseGracefullyAsync(CloseRequest request, TimeSpan timeout, TimeProvider time)
    {
        RequestClose(request);
        using var deadline = new CancellationTokenSource(timeout, time);
        try
        {
            await SendCloseAsync(request.Status ?? WebSocketCloseStatus.NormalClosure, request.Description, deadline.Token)
                .ConfigureAwait(false);
            await ReceiveEnded.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed or slow handshake ends the same way as a good one: with the abort below.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            Abort();
        }
    }

    /// <summary>Tears the connection down at once: pending receives and sends fail, and the writer stops.</summary>
    public void Abort()
    {
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: the connection is gone, which is what the caller wanted.
        }

        Socket.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        Abort();
        await _writer.ConfigureAwait(false);
        ReceiveEnded.TrySetResult();
        _cts.Dispose();
        Socket.Dispose();
    }

    private async Task EnqueueAsync(Outgoing item, CancellationToken cancellationToken)
    {
        try
        {
            await _outgoing.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw ClosedBeforeSent();
        }

        await item.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        // Yield first so that the constructor returns before the loop touches the socket.
        await Task.Yield();
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(Token).ConfigureAwait(false))
            {
                while (_outgoing.Reader.TryRead(out var item))
                {
                    await WriteAsync(item).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Torn down: the items still queued fail below.
        }
        finally
        {
            _outgoing.Writer.TryComplete();
            while (_outgoing.Reader.TryRead(out var item))
            {
                item.Done.TrySetException(ClosedBeforeSent());
            }
        }
    }

    private async Task WriteAsync(Outgoing item)
    {
        try
        {
            if (item.Text is null)
            {
                await Socket.CloseOutputAsync(item.CloseStatus, item.CloseDescription, Token).ConfigureAwait(false);
            }
            else
            {
                await SendUtf8Async(item.Text).ConfigureAwait(false);
            }

            item.Done.TrySetResult();
        }
#pragma warning disable CA1031 // The failure belongs to the sender, who awaits it; the writer goes on to the next item.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            item.Done.TrySetException(ex);
        }
    }

    private async Task SendUtf8Async(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            await Socket.SendAsync(buffer.AsMemory(0, length), WebSocketMessageType.Text, endOfMessage: true, Token)
                .ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static WebSocketException ClosedBeforeSent() =>
        new(WebSocketError.InvalidState, "The connection closed before the message was sent.");

    /// <summary>A close the owner asked for: its type and, for a handshake, the status and description sent.</summary>
    internal sealed record CloseRequest(DisconnectionType Type, WebSocketCloseStatus? Status, string? Description);

    private sealed class Outgoing(string? text, WebSocketCloseStatus closeStatus, string? closeDescription)
    {
        public string? Text { get; } = text;

        public WebSocketCloseStatus CloseStatus { get; } = closeStatus;

        public string? CloseDescription { get; } = closeDescription;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
