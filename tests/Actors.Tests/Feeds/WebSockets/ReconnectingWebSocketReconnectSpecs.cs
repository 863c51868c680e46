using System.Net.WebSockets;
using System.Reactive.Linq;
using ActorArb.Actors.Feeds.WebSockets;
using static ActorArb.Actors.Tests.Feeds.WebSockets.ClientEvents;

namespace ActorArb.Actors.Tests.Feeds.WebSockets;

/// <summary>Reconnection against a real Kestrel endpoint: dropped, closed and refused connections, and user requests.</summary>
public sealed class ReconnectingWebSocketReconnectSpecs
{
    internal static ReconnectingWebSocketOptions Fast => new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(400),
        Jitter = 0,
        NoMessageTimeout = null,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CloseTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>Creates a socket whose OnConnected sends "subscribe", the way a feed resubscribes.</summary>
    internal static ReconnectingWebSocket Subscribing(Uri uri, ReconnectingWebSocketOptions options, TimeProvider? time = null)
    {
        var socket = new ReconnectingWebSocket(uri, options, time);
        socket.OnConnected = token => socket.SendAsync("subscribe", token).AsTask();
        return socket;
    }

    [Fact]
    public async Task ReconnectingWebSocket_should_reconnect_and_resubscribe_when_the_server_aborts_the_socket()
    {
        await using var server = await LoopbackWebSocketServer.StartAsync(async c =>
        {
            await c.ReceiveTextAsync();
            if (c.Number == 1)
            {
                c.Abort();
                return;
            }

            await c.SendTextAsync($"hello {c.Number}");
            await c.ReceiveUntilClosedAsync();
        });
        await using var socket = Subscribing(server.Uri, Fast);
        using var events = new ClientEvents(socket);

        await socket.StartAsync();
        await events.MessageAsync("hello 2");

        var lost = await events.DisconnectionAsync(DisconnectionType.Lost);
        Assert.IsAssignableFrom<WebSocketException>(lost.Error);
        Assert.Equal(
            [new ReconnectionInfo(ReconnectionType.Initial, 1, TimeSpan.Zero), new ReconnectionInfo(ReconnectionType.Lost, 1, TimeSpan.Zero)],
            Snapshot(events.Reconnections).Select(r => r with { Downtime = TimeSpan.Zero }));
        Assert.Equal([new ServerFrame(1, "subscribe"), new ServerFrame(2, "subscribe")], Snapshot(server.Received));
        Assert.Equal(1, socket.ReconnectCount);
        Assert.Equal(1, socket.MessagesReceived);
        Assert.True(socket.IsConnected);
    }

    [Fact]
    public async Task ReconnectingWebSocket_should_answer_the_close_report_its_status_and_reconnect_when_the_server_closes()
    {
        var handshake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackWebSocketServer.StartAsync(async c =>
        {
            await c.ReceiveTextAsync();
            if (c.Number == 1)
            {
                // CloseAsync returns only once the client has answered with its own close frame.
                await c.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "maintenance");
                handshake.SetResult();
                return;
            }

            await c.ReceiveUntilClosedAsync();
        });
        await using var socket = Subscribing(server.Uri, Fast);
        using var events = new ClientEvents(socket);

        await socket.StartAsync();

        Assert.Equal(
            new DisconnectionInfo(DisconnectionType.ByServer, WebSocketCloseStatus.EndpointUnavailable, "maintenance", null),
            await events.DisconnectionAsync(DisconnectionType.ByServer));
        await handshake.Task.WaitAsync(Wait);
        await events.ReconnectionAsync(ReconnectionType.Lost);
        await NextAsync(server.Received, f => f == new ServerFrame(2, "subscribe"));
    }

    [Fact]
    public async Task ReconnectingWebSocket_should_back_off_exponentially_while_the_server_refuses_connections()
    {
        await using var server = await LoopbackWebSocketServer.StartAsync(c => c.ReceiveUntilClosedAsync(), refuseFirst: 4);
        var options = Fast with { InitialBackoff = TimeSpan.FromMilliseconds(40), MaxBackoff = TimeSpan.FromSeconds(1) };
        await using var socket = new ReconnectingWebSocket(server.Uri, options);
        using var events = new ClientEvents(socket);

        await socket.StartAsync();
        var refused = Snapshot(events.Disconnections)[0];
        var connected = await events.ReconnectionAsync(ReconnectionType.Initial);

        Assert.Equal(DisconnectionType.Error, refused.Type);
        Assert.IsAssignableFrom<WebSocketException>(refused.Error);
        Assert.Equal(4, Snapshot(events.Disconnections).Count);
        Assert.Equal(5, connected.Attempt);
        Assert.InRange(connected.Downtime, TimeSpan.FromMilliseconds(40 + 80 + 160 + 320 - 10), TimeSpan.FromSeconds(5));
        var requests = server.RequestTimestamps;
        Assert.Equal(5, requests.Count);
        double[] expectedGapsMs = [40, 80, 160, 320];
        for (var i = 0; i < expectedGapsMs.Length; i++)
        {
            var gap = TimeProvider.System.GetElapsedTime(requests[i], requests[i + 1]);
            Assert.True(gap.TotalMilliseconds >= expectedGapsMs[i] - 5, $"gap {i + 1} was {gap.TotalMilliseconds} ms, expected {expectedGapsMs[i]} ms");
        }
    }

    [Fact]
    public async Task StartAsync_should_return_and_keep_retrying_when_nothing_listens_until_a_server_appears()
    {
        var port = LoopbackWebSocketServer.FreePort();
        var options = Fast with { MaxBackoff = TimeSpan.FromMilliseconds(100) };
        await using var socket = Subscribing(new Uri($"ws://127.0.0.1:{port}/ws"), options);
        using var events = new ClientEvents(socket);

        await socket.StartAsync();
        Assert.False(socket.IsConnected);
        Assert.IsAssignableFrom<WebSocketException>(Snapshot(events.Disconnections)[0].Error);
        await events.DisconnectionAsync(DisconnectionType.Error, nth: 3);

        await using var server = await LoopbackWebSocketServer.StartAsync(c => c.ReceiveUntilClosedAsync(), port);
        var connected = await events.ReconnectionAsync(ReconnectionType.Initial);

        Assert.True(connected.Attempt >= 4, $"attempt {connected.Attempt}");
        await NextAsync(server.Received, f => f == new ServerFrame(1, "subscribe"));
        Assert.Equal(0, socket.ReconnectCount);
    }

    [Fact]
    public async Task ReconnectAsync_should_close_with_a_handshake_and_reconnect_at_once_as_ByUser()
    {
        await using var server = await LoopbackWebSocketServer.StartAsync(async c =>
        {
            await c.ReceiveTextAsync();
            await c.SendTextAsync($"hello {c.Number}");
            await c.ReceiveUntilClosedAsync();
        });

        // A backoff this long would time the test out: a user reconnect must not wait for it.
        var options = Fast with { InitialBackoff = TimeSpan.FromMinutes(1), MaxBackoff = TimeSpan.FromMinutes(1) };
        await using var socket = Subscribing(server.Uri, options);
        using var events = new ClientEvents(socket);
        await socket.StartAsync();
        await events.MessageAsync("hello 1");

        await socket.ReconnectAsync();

        Assert.Equal(
            new DisconnectionInfo(DisconnectionType.ByUser, WebSocketCloseStatus.NormalClosure, "reconnect", null),
            await events.DisconnectionAsync(DisconnectionType.ByUser));
        Assert.Equal(new ServerClose(1, WebSocketCloseStatus.NormalClosure, "reconnect"), await NextAsync(server.Closes, _ => true));
        Assert.Equal(1, (await events.ReconnectionAsync(ReconnectionType.ByUser)).Attempt);
        await events.MessageAsync("hello 2");
        Assert.Equal(1, socket.ReconnectCount);
    }

    [Fact]
    public async Task StopAsync_should_close_with_a_handshake_and_complete_the_observables()
    {
        await using var server = await LoopbackWebSocketServer.StartAsync(async c =>
        {
            await c.ReceiveTextAsync();
            await c.SendTextAsync("hello");
            await c.ReceiveUntilClosedAsync();
        });
        var socket = Subscribing(server.Uri, Fast with { CloseTimeout = TimeSpan.FromSeconds(30) });
        using var events = new ClientEvents(socket);
        await socket.StartAsync();
        await events.MessageAsync("hello");

        // Well under CloseTimeout: the server answered the close frame, nothing waited for the timeout.
        await socket.StopAsync(WebSocketCloseStatus.NormalClosure, "done").WaitAsync(Wait);

        Assert.Equal(new ServerClose(1, WebSocketCloseStatus.NormalClosure, "done"), await NextAsync(server.Closes, _ => true));
        Assert.Equal(
            new DisconnectionInfo(DisconnectionType.Exit, WebSocketCloseStatus.NormalClosure, "done", null),
            Snapshot(events.Disconnections).Single());
        Assert.Equal(1, await events.Messages.Count().Timeout(Wait));
        Assert.Equal(1, await events.Reconnections.Count().Timeout(Wait));
        Assert.Equal(1, await events.Disconnections.Count().Timeout(Wait));
        Assert.False(socket.IsConnected);
        await Assert.ThrowsAsync<InvalidOperationException>(() => socket.SendAsync("late").AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(socket.ReconnectAsync);
        await socket.DisposeAsync();
        Assert.Equal(1, server.Connections);
    }
}
