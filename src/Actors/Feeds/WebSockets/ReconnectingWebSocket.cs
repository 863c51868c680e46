using System.Net.WebSockets;

namespace ActorArb.Actors.Feeds.WebSockets;

/// <summary>
/// A client WebSocket that stays connected: it reconnects with exponential backoff and jitter after a refused
/// connect, a dropped transport, a server close or a silent connection, runs <see cref="OnConnected"/> after every
/// connect so the caller can resubscribe, and surfaces messages, reconnections and disconnections as Rx observables
/// (the shape of Websocket.Client, on <see cref="ClientWebSocket"/>).
/// </summary>
/// <remarks>
/// <para>One background loop owns the connection. It emits every notification, one at a time, in this order per
/// connection: <see cref="ReconnectionHappened"/>, then <see cref="MessageReceived"/> for each message, then
/// <see cref="DisconnectionHappened"/>. Each failed connection attempt also emits a disconnection of type
/// <see cref="DisconnectionType.Error"/> carrying the exception.</para>
/// <para>Exceptions never escape to the thread pool: failures become disconnections, and an exception thrown by a
/// subscriber is caught and counted in <see cref="SubscriberErrors"/> without disturbing the loop or the other
/// subscribers.</para>
/// <para>All delays and timeouts (backoff, no-message timeout, application ping, connect, OnConnected and close
/// timeouts) run on the <see cref="TimeProvider"/> given to the constructor, so tests can drive them.</para>
/// </remarks>
public sealed partial class ReconnectingWebSocket : IAsyncDisposable
{
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Stopped = 2;
    private const int Disposed = 3;

    private readonly Uri _uri;
    private readonly ReconnectingWebSocketOptions _options;
    private readonly TimeProvider _time;
    private readonly BackoffPolicy _backoff;
    private readonly GuardedSubject<WebSocketMessage> _messages;
    private readonly GuardedSubject<ReconnectionInfo> _reconnections;
    private readonly GuardedSubject<DisconnectionInfo> _disconnections;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _run = Task.CompletedTask;
    private WebSocketConnection? _connection;
    private CancellationTokenSource? _backoffWake;
    private int _state;
    private volatile bool _isConnected;
    private int _reconnectCount;
    private long _messagesReceived;
    private long _lastMessageAtMs;
    private long _subscriberErrors;

    /// <summary>Creates a stopped socket for <paramref name="uri"/>; <paramref name="time"/> defaults to <see cref="TimeProvider.System"/>.</summary>
    /// <exception cref="ArgumentException">The URI is not ws/wss or an option is out of range.</exception>
    public ReconnectingWebSocket(Uri uri, ReconnectingWebSocketOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeWs && uri.Scheme != Uri.UriSchemeWss))
        {
            throw new ArgumentException($"Expected an absolute ws:// or wss:// URI, got '{uri}'.", nameof(uri));
        }

        _options = options ?? new ReconnectingWebSocketOptions();
        _options.Validate();
        _uri = uri;
        _time = time ?? TimeProvider.System;
        _backoff = BackoffPolicy.From(_options);
        _messages = new GuardedSubject<WebSocketMessage>(CountSubscriberError);
        _reconnections = new GuardedSubject<ReconnectionInfo>(CountSubscriberError);
        _disconnections = new GuardedSubject<DisconnectionInfo>(CountSubscriberError);
    }

    /// <summary>Gets the address the socket connects to.</summary>
    public Uri Uri => _uri;

    /// <summary>
    /// Gets or sets the callback run after every (re)connect, before <see cref="ReconnectionHappened"/> and before any
    /// message of that connection is surfaced: the place to send subscribe frames with <see cref="SendAsync"/>. Set it
    /// before <see cref="StartAsync"/>.
    /// </summary>
    /// <remarks>
    /// It must not wait for the server's answers: messages are only read once it returns (they wait in the socket
    /// meanwhile). Its token is cancelled when the connection goes away; it may run for at most ConnectTimeout. If it
    /// throws or times out, the connection is dropped, a disconnection of type <see cref="DisconnectionType.Error"/>
    /// is reported, and the socket retries with backoff.
    /// </remarks>
    public Func<CancellationToken, Task>? OnConnected { get; set; }

    /// <summary>Gets the messages received, each complete (all frames joined), in order, on the socket's loop.</summary>
    public IObservable<WebSocketMessage> MessageReceived => _messages;

    /// <summary>Gets a notification for each connection that opened and passed <see cref="OnConnected"/>.</summary>
    public IObservable<ReconnectionInfo> ReconnectionHappened => _reconnections;

    /// <summary>Gets a notification for each connection that ended and each connection attempt that failed.</summary>
    public IObservable<DisconnectionInfo> DisconnectionHappened => _disconnections;

    /// <summary>Gets whether a connection is open and serving messages.</summary>
    public bool IsConnected => _isConnected;

    /// <summary>Gets the number of successful connections after the initial one.</summary>
    public int ReconnectCount => Volatile.Read(ref _reconnectCount);

    /// <summary>Gets the number of messages received over all connections.</summary>
    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    /// <summary>Gets the Unix time in milliseconds (UTC) of the last message received, or 0 before the first.</summary>
    public long LastMessageAtMs => Interlocked.Read(ref _lastMessageAtMs);

    /// <summary>Gets the number of exceptions thrown by subscribers and swallowed to protect the loop.</summary>
    public long SubscriberErrors => Interlocked.Read(ref _subscriberErrors);

    /// <summary>
    /// Starts the connection loop and returns once the first connection attempt has finished, whether it succeeded
    /// (OnConnected included) or failed. It never throws because the server is down: a failed attempt is reported on
    /// <see cref="DisconnectionHappened"/> and the loop keeps retrying in the background with backoff.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait for the first attempt, not the loop; use <see cref="StopAsync"/> for that.</param>
    /// <exception cref="InvalidOperationException">The socket was already started, stopped or disposed.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, Running, NotStarted) != NotStarted)
        {
            throw new InvalidOperationException("A ReconnectingWebSocket can be started once only.");
        }

        _run = Task.Run(RunAsync, CancellationToken.None);
        await _firstAttempt.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="text"/> on the open connection and completes once it was written to the socket. Sends are
    /// serialised through the connection's single writer, in call order. Nothing is queued across a reconnect:
    /// <see cref="OnConnected"/> is where subscriptions are restored.
    /// </summary>
    /// <exception cref="InvalidOperationException">No connection is open.</exception>
    /// <exception cref="WebSocketException">The connection closed or failed before the message was written.</exception>
    public async ValueTask SendAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var connection = Volatile.Read(ref _connection)
            ?? throw new InvalidOperationException("The WebSocket is not connected.");
        await connection.SendTextAsync(text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes the open connection (close handshake, status NormalClosure) and lets the loop reconnect at once with
    /// type <see cref="ReconnectionType.ByUser"/>; it returns once the old connection has ended. When no connection is
    /// open, it cuts any remaining backoff delay short so that the next attempt starts now; an attempt already under
    /// way is left to finish.
    /// </summary>
    /// <exception cref="InvalidOperationException">The socket is not running.</exception>
    public async Task ReconnectAsync()
    {
        if (Volatile.Read(ref _state) != Running)
        {
            throw new InvalidOperationException("The WebSocket is not running.");
        }

        var connection = Volatile.Read(ref _connection);
        if (connection is not null && _isConnected)
        {
            var request = new WebSocketConnection.CloseRequest(DisconnectionType.ByUser, WebSocketCloseStatus.NormalClosure, "reconnect");
            await connection.CloseGracefullyAsync(request, _options.CloseTimeout, _time).ConfigureAwait(false);
            return;
        }

        var wake = Interlocked.Exchange(ref _backoffWake, null);
        if (wake is not null)
        {
            try
            {
                await wake.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The delay had just ended by itself: the attempt is starting anyway.
            }
        }
    }

    /// <summary>
    /// Stops for good: closes the open connection with a close handshake (<paramref name="status"/>,
    /// <paramref name="description"/>; aborted after CloseTimeout), reports a disconnection of type
    /// <see cref="DisconnectionType.Exit"/> if a connection was open, ends the loop, and completes the three observables.
    /// Calling it again, or before a start, only completes the observables.
    /// </summary>
    public async Task StopAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string description = "")
    {
        var previous = Interlocked.CompareExchange(ref _state, Stopped, Running);
        if (previous == Running)
        {
            var connection = Volatile.Read(ref _connection);
            if (connection is not null && _isConnected)
            {
                var request = new WebSocketConnection.CloseRequest(DisconnectionType.Exit, status, description);
                await connection.CloseGracefullyAsync(request, _options.CloseTimeout, _time).ConfigureAwait(false);
            }

            await _lifetime.CancelAsync().ConfigureAwait(false);
        }
        else
        {
            Interlocked.CompareExchange(ref _state, Stopped, NotStarted);
        }

        await _run.ConfigureAwait(false);
        _messages.OnCompleted();
        _reconnections.OnCompleted();
        _disconnections.OnCompleted();
    }

    /// <summary>Stops the socket (as <see cref="StopAsync"/> with NormalClosure) and releases its resources.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _state) == Disposed)
        {
            return;
        }

        await StopAsync(WebSocketCloseStatus.NormalClosure, "disposed").ConfigureAwait(false);
        if (Interlocked.Exchange(ref _state, Disposed) != Disposed)
        {
            _lifetime.Dispose();
        }
    }

    private void CountSubscriberError(Exception error) => Interlocked.Increment(ref _subscriberErrors);
}
