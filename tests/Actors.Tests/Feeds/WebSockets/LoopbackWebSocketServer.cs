using System.Net;
using System.Net.WebSockets;
using System.Reactive.Subjects;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ActorArb.Actors.Tests.Feeds.WebSockets;

/// <summary>A text frame the server received: the connection's number (1-based, in accept order) and the text.</summary>
internal sealed record ServerFrame(int Connection, string Text);

/// <summary>A close frame the server received from the client.</summary>
internal sealed record ServerClose(int Connection, WebSocketCloseStatus? Status, string? Description);

/// <summary>
/// A real Kestrel WebSocket endpoint on 127.0.0.1 (<c>/ws</c>) whose behaviour per connection is the test's handler;
/// it records what clients send, and can answer upgrade requests with 503 to play a server that refuses connections.
/// </summary>
internal sealed class LoopbackWebSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<ServerConnection, Task> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly ReplaySubject<ServerFrame> _received = new();
    private readonly ReplaySubject<ServerClose> _closes = new();
    private readonly List<long> _requestTimestamps = [];
    private int _refusals;
    private int _connections;

    private LoopbackWebSocketServer(Func<ServerConnection, Task> handler, int port, int refuseFirst)
    {
        _handler = handler;
        _refusals = refuseFirst;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add($"http://127.0.0.1:{port}");
        _app.UseWebSockets();
        _app.Map("/ws", HandleAsync);
    }

    /// <summary>Gets the ws:// address of the endpoint.</summary>
    public Uri Uri { get; private set; } = null!;

    /// <summary>Gets the text frames received from all connections, replayed to late subscribers.</summary>
    public IObservable<ServerFrame> Received => _received;

    /// <summary>Gets the close frames received from clients, replayed to late subscribers.</summary>
    public IObservable<ServerClose> Closes => _closes;

    /// <summary>Gets the number of WebSocket connections accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Gets the <see cref="TimeProvider.System"/> timestamp of every upgrade request, refused or not.</summary>
    public IReadOnlyList<long> RequestTimestamps
    {
        get
        {
            lock (_lock)
            {
                return [.. _requestTimestamps];
            }
        }
    }

    /// <summary>Starts a server on <paramref name="port"/> (0: any free port) that refuses the first <paramref name="refuseFirst"/> upgrades.</summary>
    public static async Task<LoopbackWebSocketServer> StartAsync(Func<ServerConnection, Task> handler, int port = 0, int refuseFirst = 0)
    {
        var server = new LoopbackWebSocketServer(handler, port, refuseFirst);
        await server._app.StartAsync();
        var bound = new Uri(server._app.Urls.Single());
        server.Uri = new Uri($"ws://127.0.0.1:{bound.Port}/ws");
        return server;
    }

    /// <summary>Returns a loopback port that nothing listens on (it was free a moment ago).</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        await _app.StopAsync(shutdown.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
        _received.Dispose();
        _closes.Dispose();
    }

    internal void Record(ServerFrame frame)
    {
        lock (_lock)
        {
            _received.OnNext(frame);
        }
    }

    internal void Record(ServerClose close)
    {
        lock (_lock)
        {
            _closes.OnNext(close);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        lock (_lock)
        {
            _requestTimestamps.Add(TimeProvider.System.GetTimestamp());
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (Interlocked.Decrement(ref _refusals) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new ServerConnection(this, Interlocked.Increment(ref _connections), socket, context, _stopping.Token);
        try
        {
            await _handler(connection);
        }
        catch (Exception) when (_stopping.IsCancellationRequested || socket.State != WebSocketState.Open)
        {
            // The client went away or the server is stopping: the handler's work is over either way.
        }
    }
}

/// <summary>One accepted server-side connection, with helpers that record into the owning server.</summary>
internal sealed class ServerConnection(LoopbackWebSocketServer server, int number, WebSocket socket, HttpContext context, CancellationToken stopping)
{
    public int Number => number;

    public CancellationToken Stopping => stopping;

    public Task SendTextAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, stopping);

    /// <summary>Sends one message as several frames, one per element of <paramref name="frames"/>.</summary>
    public async Task SendFramesAsync(WebSocketMessageType type, params byte[][] frames)
    {
        for (var i = 0; i < frames.Length; i++)
        {
            await socket.SendAsync(frames[i], type, endOfMessage: i == frames.Length - 1, stopping);
        }
    }

    /// <summary>Returns the next text message (recorded on the server), or null once the client sent a close frame.</summary>
    public async Task<string?> ReceiveTextAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, stopping);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                server.Record(new ServerClose(number, result.CloseStatus, result.CloseStatusDescription));
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var text = Encoding.UTF8.GetString(message.ToArray());
                server.Record(new ServerFrame(number, text));
                return text;
            }
        }
    }

    /// <summary>Records everything the client sends until it closes, then completes the close handshake.</summary>
    public async Task ReceiveUntilClosedAsync()
    {
        while (await ReceiveTextAsync() is not null)
        {
        }

        if (socket.State == WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", stopping);
        }
    }

    /// <summary>Starts a close handshake with <paramref name="status"/> and waits for the client's answer.</summary>
    public Task CloseAsync(WebSocketCloseStatus status, string description) => socket.CloseAsync(status, description, stopping);

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort() => context.Abort();
}
